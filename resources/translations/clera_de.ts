<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en_US">
  <context>
    <name>Clera</name>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Something went wrong.</source>
      <translation>Etwas ist schiefgelaufen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Cancelled.</source>
      <translation>Abgebrochen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The app is not configured for this yet.</source>
      <translation>Die App ist dafür noch nicht eingerichtet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>No system keyring is available. Unlock the encrypted secret file with your passphrase to store credentials.</source>
      <translation>Kein Schlüsselbund des Systems verfügbar. Entsperren Sie die verschlüsselte Schlüsseldatei mit Ihrer Passphrase, um Zugangsdaten zu speichern.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider could not be reached.</source>
      <translation>Der Anbieter war nicht erreichbar.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>This connection needs to be reconnected: sign in to the brokerage again.</source>
      <translation>Diese Verbindung muss neu verbunden werden: Melden Sie sich erneut beim Broker an.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider did not accept the app's keys. Check them in Settings.</source>
      <translation>Der Anbieter hat die Schlüssel der App nicht akzeptiert. Prüfen Sie sie in den Einstellungen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider is limiting how often the app may ask, and still did after the app waited and asked again. Try again in a minute.</source>
      <translation>Der Anbieter begrenzt, wie oft die App fragen darf, und tat es auch noch, nachdem die App gewartet und erneut gefragt hat. Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider is temporarily unavailable. Try again in a few minutes.</source>
      <translation>Der Anbieter ist vorübergehend nicht verfügbar. Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider rejected the request.</source>
      <translation>Der Anbieter hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider does not know this item.</source>
      <translation>Der Anbieter kennt diesen Eintrag nicht.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The provider sent data the app could not read. Nothing was changed.</source>
      <translation>Der Anbieter hat Daten gesendet, die die App nicht lesen konnte. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Your Clera data could not be read or written. Nothing was changed.</source>
      <translation>Ihre Clera-Daten konnten nicht gelesen oder geschrieben werden. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Another program is writing to your Clera data and did not finish within 10 seconds. Nothing was changed: try again in a minute.</source>
      <translation>Ein anderes Programm schreibt in Ihre Clera-Daten und war nach 10 Sekunden nicht fertig. Nichts wurde geändert: Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The disk with your Clera data is full. Nothing was changed: free some space and try again.</source>
      <translation>Der Datenträger mit Ihren Clera-Daten ist voll. Nichts wurde geändert: Schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Your Clera data folder cannot be written (it is read-only, or belongs to another user). Nothing was changed.</source>
      <translation>In Ihren Clera-Datenordner kann nicht geschrieben werden (er ist schreibgeschützt oder gehört einem anderen Benutzer). Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Your Clera database is damaged. Nothing was changed; restore the latest backup (clera-desktop restore) or move the file aside to start afresh.</source>
      <translation>Ihre Clera-Datenbank ist beschädigt. Nichts wurde geändert; stellen Sie die letzte Sicherung wieder her (clera-desktop restore) oder legen Sie die Datei beiseite, um neu zu beginnen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>This database is not a Clera Desktop store (it holds another program's tables). Nothing was changed: move it away, or choose another data folder (--data-dir).</source>
      <translation>Diese Datenbank ist kein Clera-Desktop-Speicher (sie enthält Tabellen eines anderen Programms). Nichts wurde geändert: Verschieben Sie sie oder wählen Sie einen anderen Datenordner (--data-dir).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Clera Desktop cannot open this database address. Use a file (sqlite:///path/clera.sqlite) or a server (postgresql+psycopg://user@host/database).</source>
      <translation>Clera Desktop kann diese Datenbankadresse nicht öffnen. Verwenden Sie eine Datei (sqlite:///pfad/clera.sqlite) oder einen Server (postgresql+psycopg://benutzer@host/datenbank).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Your Clera data was written by a newer version of Clera Desktop. Update the app to open it; nothing was changed.</source>
      <translation>Ihre Clera-Daten wurden von einer neueren Version von Clera Desktop geschrieben. Aktualisieren Sie die App, um sie zu öffnen; nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>This shared book was set up by an older version of Clera Desktop. Its owner must open it once with this version first; nothing was changed.</source>
      <translation>Dieses gemeinsame Buch wurde mit einer älteren Version von Clera Desktop eingerichtet. Sein Eigentümer muss es zuerst einmal mit dieser Version öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>The shared book's server cannot be reached, so nothing was saved. Check the network, then try again; what the window shows is what was last read.</source>
      <translation>Der Server des gemeinsamen Buchs ist nicht erreichbar, daher wurde nichts gespeichert. Prüfen Sie das Netzwerk und versuchen Sie es erneut; das Fenster zeigt den zuletzt gelesenen Stand.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>This shared book does not let you change that: it belongs to another person, or your role only reads. Nothing was changed.</source>
      <translation>Dieses gemeinsame Buch lässt Sie das nicht ändern: Es gehört einer anderen Person, oder Ihre Rolle darf nur lesen. Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/errors.py" />
      <source>Another Clera Desktop is syncing this data right now. Try again when it is done.</source>
      <translation>Ein anderes Clera Desktop synchronisiert diese Daten gerade. Versuchen Sie es erneut, wenn es fertig ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/secrets.py" />
      <source>Your saved keys are locked in the encrypted key file: unlock them (Unlock saved keys… in the status bar; CLERA_SECRETS_PASSPHRASE or the prompt on the command line).</source>
      <translation>Ihre gespeicherten Schlüssel sind in der verschlüsselten Schlüsseldatei gesperrt: Entsperren Sie sie (Gespeicherte Schlüssel entsperren… in der Statusleiste; CLERA_SECRETS_PASSPHRASE oder die Abfrage in der Kommandozeile).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/core/secrets.py" />
      <source>A passphrase is needed to protect the secret file.</source>
      <translation>Zum Schutz der Schlüsseldatei wird eine Passphrase benötigt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>{lines} lines; {new} new activities; {known} already imported</source>
      <translation>{lines} Zeilen; {new} neue Buchungen; {known} bereits importiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>{counts}; new manual accounts: {accounts}</source>
      <translation>{counts}; neue manuelle Konten: {accounts}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>Check: {warning}</source>
      <translation>Prüfen: {warning}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>line {number}: {problem}</source>
      <translation>Zeile {number}: {problem}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>Nothing can be imported until these are fixed.</source>
      <translation>Nichts kann importiert werden, bis diese behoben sind.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>1 line cannot be imported as written; the other {good} can be imported on their own.</source>
      <translation>1 Zeile kann so nicht importiert werden; die übrigen {good} können für sich importiert werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>{bad} lines cannot be imported as written; the other {good} can be imported on their own.</source>
      <translation>{bad} Zeilen können so nicht importiert werden; die übrigen {good} können für sich importiert werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>missing column: {missing} (the file needs {required} and any of {optional})</source>
      <translation>fehlende Spalte: {missing} (die Datei braucht {required} und beliebige von {optional})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>missing columns: {missing} (the file needs {required} and any of {optional})</source>
      <translation>fehlende Spalten: {missing} (die Datei braucht {required} und beliebige von {optional})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>the file has no activity lines</source>
      <translation>die Datei hat keine Buchungszeilen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>more cells than the header has columns (a separator inside a value?)</source>
      <translation>mehr Zellen, als die Kopfzeile Spalten hat (ein Trennzeichen in einem Wert?)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>account is empty</source>
      <translation>account ist leer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>type {given!r} is not one of {types}</source>
      <translation>type {given!r} ist keiner von {types}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a {kind} needs a symbol</source>
      <translation>ein {kind} braucht ein symbol</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>tax is withheld on a DIVIDEND, INTEREST or SELL line; book a {kind}'s tax as a TAX line</source>
      <translation>Steuer wird auf einer DIVIDEND-, INTEREST- oder SELL-Zeile einbehalten; buchen Sie die Steuer eines {kind} als TAX-Zeile</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>acquired is the day transferred-in shares were first bought (TRANSFER_IN only)</source>
      <translation>acquired ist der Tag, an dem übertragene Aktien zuerst gekauft wurden (nur TRANSFER_IN)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>acquired is after the transfer itself</source>
      <translation>acquired liegt nach dem Übertrag selbst</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a {kind} needs a quantity greater than zero</source>
      <translation>ein {kind} braucht eine quantity größer als null</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a {kind} needs an amount, or a price to compute it</source>
      <translation>ein {kind} braucht einen amount oder einen price, um ihn zu berechnen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a SPLIT needs its ratio in quantity (2 for a 2-for-1 split)</source>
      <translation>ein SPLIT braucht sein Verhältnis in quantity (2 für einen 2:1-Split)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a {kind} of a security needs a quantity</source>
      <translation>ein {kind} eines Wertpapiers braucht eine quantity</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a cash {kind} needs an amount (or a symbol and a quantity for shares)</source>
      <translation>ein Bargeld-{kind} braucht einen amount (oder ein symbol und eine quantity für Aktien)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>a {kind} needs an amount</source>
      <translation>ein {kind} braucht einen amount</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>the fee and tax are larger than the amount (the amount is the gross payment)</source>
      <translation>Gebühr und Steuer sind größer als der Betrag (amount ist die Bruttozahlung)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>{account} keeps {currency}; this line is in {line_currency}</source>
      <translation>{account} führt {currency}; diese Zeile ist in {line_currency}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/activities_csv.py" />
      <source>line {number}: takes out {quantity} {symbol} on {day}, when {name} holds {held}: the position goes negative (a purchase missing from the file?)</source>
      <translation>Zeile {number}: nimmt am {day} {quantity} {symbol} heraus, wenn {name} {held} hält: Die Position wird negativ (fehlt ein Kauf in der Datei?)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>commas</source>
      <translation>Kommas</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>semicolons</source>
      <translation>Semikolons</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>tabs</source>
      <translation>Tabulatoren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>Read as {encoding}, separated by {separator}, with {decimals}.</source>
      <translation>Gelesen als {encoding}, getrennt durch {separator}, mit {decimals}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>decimal commas (1.234,56)</source>
      <translation>Dezimalkommas (1.234,56)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/csv_file.py" />
      <source>decimal points (1234.56)</source>
      <translation>Dezimalpunkten (1234.56)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name} is empty</source>
      <translation>{name} ist leer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name}: {error}</source>
      <translation>{name}: {error}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name} must not be negative (the type gives the direction)</source>
      <translation>{name} darf nicht negativ sein (der type gibt die Richtung an)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name} {given!r} is not a date written YYYY-MM-DD</source>
      <translation>{name} {given!r} ist kein Datum im Format JJJJ-MM-TT</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name} {value} is after today ({today}): import it once it has happened</source>
      <translation>{name} {value} liegt nach heute ({today}): Importieren Sie es, wenn es geschehen ist</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>{name} {value} is before {year}: no brokerage keeps records that old</source>
      <translation>{name} {value} liegt vor {year}: So alte Aufzeichnungen führt kein Broker</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fields.py" />
      <source>currency {code!r} is not a code such as USD or CHF</source>
      <translation>Währung {code!r} ist kein Code wie USD oder CHF</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>{rates} rates for {count} pairs ({pairs})</source>
      <translation>{rates} Kurse für {count} Paare ({pairs})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>The other {good} lines can be imported on their own.</source>
      <translation>Die übrigen {good} Zeilen können für sich importiert werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>missing column: {missing} (expected {columns})</source>
      <translation>fehlende Spalte: {missing} (erwartet {columns})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>missing columns: {missing} (expected {columns})</source>
      <translation>fehlende Spalten: {missing} (erwartet {columns})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>base and quote are currency codes such as USD and CHF</source>
      <translation>base und quote sind Währungscodes wie USD und CHF</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>{base} to {quote} is always 1</source>
      <translation>{base} zu {quote} ist immer 1</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>rate must be greater than zero</source>
      <translation>rate muss größer als null sein</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>a second {base}/{quote} rate on {day} (line {earlier} has one)</source>
      <translation>ein zweiter Kurs {base}/{quote} am {day} (Zeile {earlier} hat einen)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/fx_csv.py" />
      <source>{base}/{quote} {rate} on {day} contradicts line {number}'s {base2}/{quote2} {rate2} (whose inverse is {value:.6f}): keep the one that is right</source>
      <translation>{base}/{quote} {rate} am {day} widerspricht {base2}/{quote2} {rate2} in Zeile {number} (dessen Kehrwert {value:.6f} ist): Behalten Sie den richtigen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/prices_csv.py" />
      <source>{prices} prices for {count} symbols ({symbols}); {known} already stored</source>
      <translation>{prices} Kurse für {count} Symbole ({symbols}); {known} bereits gespeichert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/prices_csv.py" />
      <source>symbol is empty</source>
      <translation>symbol ist leer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/prices_csv.py" />
      <source>close must be greater than zero</source>
      <translation>close muss größer als null sein</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/prices_csv.py" />
      <source>currency is empty</source>
      <translation>currency ist leer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/imports/prices_csv.py" />
      <source>a second close for {symbol} on {day} (line {earlier} has one)</source>
      <translation>ein zweiter Schlusskurs für {symbol} am {day} (Zeile {earlier} hat einen)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/backup.py" />
      <source>A backup of your Clera data could not be written. Nothing was changed.</source>
      <translation>Eine Sicherung Ihrer Clera-Daten konnte nicht geschrieben werden. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/backup.py" />
      <source>The backup {backup} is damaged too; choose another one.</source>
      <translation>Die Sicherung {backup} ist ebenfalls beschädigt; wählen Sie eine andere.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/backup.py" />
      <source>{backup} is not a Clera Desktop backup (it holds another program's tables). Nothing was changed.</source>
      <translation>{backup} ist keine Clera-Desktop-Sicherung (sie enthält Tabellen eines anderen Programms). Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/cipher.py" />
      <source>Encryption needs the SQLCipher library (the sqlcipher3-wheels package), which is not installed with this copy of Clera Desktop. Nothing was changed.</source>
      <translation>Die Verschlüsselung braucht die SQLCipher-Bibliothek (das Paket sqlcipher3-wheels), die mit dieser Kopie von Clera Desktop nicht installiert ist. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/cipher.py" />
      <source>Your Clera data is encrypted, and its key is not in this computer's keyring (or the key file is locked). Unlock the saved keys, or restore the keyring the key was kept in; nothing was changed.</source>
      <translation>Ihre Clera-Daten sind verschlüsselt, und ihr Schlüssel ist nicht im Schlüsselbund dieses Computers (oder die Schlüsseldatei ist gesperrt). Entsperren Sie die gespeicherten Schlüssel oder stellen Sie den Schlüsselbund wieder her, in dem der Schlüssel lag; nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/cipher.py" />
      <source>Your Clera data is encrypted, and the key found for it does not open it. Nothing was changed; restore the keyring the key was kept in, or a backup made before encryption.</source>
      <translation>Ihre Clera-Daten sind verschlüsselt, und der dafür gefundene Schlüssel öffnet sie nicht. Nichts wurde geändert; stellen Sie den Schlüsselbund wieder her, in dem der Schlüssel lag, oder eine Sicherung von vor der Verschlüsselung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/cipher.py" />
      <source>{file} cannot be read, so the store's key cannot be found. Nothing was changed.</source>
      <translation>{file} kann nicht gelesen werden, daher ist der Schlüssel des Speichers nicht auffindbar. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/encryption.py" />
      <source>The converted copy of your Clera data could not be made. Nothing was changed.</source>
      <translation>Die umgewandelte Kopie Ihrer Clera-Daten konnte nicht erstellt werden. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/encryption.py" />
      <source>The converted copy of your Clera data did not match the original. Nothing was changed.</source>
      <translation>Die umgewandelte Kopie Ihrer Clera-Daten stimmte nicht mit dem Original überein. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>Your Clera data folder is read-only and its database holds changes not yet saved into it: open it once where it can be written.</source>
      <translation>Ihr Clera-Datenordner ist schreibgeschützt, und seine Datenbank enthält noch nicht gespeicherte Änderungen: Öffnen Sie ihn einmal dort, wo geschrieben werden kann.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>The database driver for {backend} is not installed ({missing}): install it, or keep your data in a file (sqlite:///...).</source>
      <translation>Der Datenbanktreiber für {backend} ist nicht installiert ({missing}): Installieren Sie ihn oder behalten Sie Ihre Daten in einer Datei (sqlite:///...).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>The server refused that login: check the user and the password.</source>
      <translation>Der Server hat diese Anmeldung abgelehnt: Prüfen Sie Benutzer und Passwort.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>The server has no database of that name.</source>
      <translation>Der Server hat keine Datenbank mit diesem Namen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>Your Clera data folder is read-only and its database needs an update (schema {revision}, this app uses {schema_head}) that cannot be saved there: open it once where it can be written.</source>
      <translation>Ihr Clera-Datenordner ist schreibgeschützt, und seine Datenbank braucht eine Aktualisierung (Schema {revision}, diese App verwendet {schema_head}), die dort nicht gespeichert werden kann: Öffnen Sie ihn einmal dort, wo geschrieben werden kann.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>You can read this shared book but not change it (you are one of its viewers).</source>
      <translation>Sie können dieses gemeinsame Buch lesen, aber nicht ändern (Sie sind einer seiner Betrachter).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/engine.py" />
      <source>Your Clera data folder is read-only: nothing can be saved there. Move it to a folder you can write to, or choose another with --data-dir.</source>
      <translation>Ihr Clera-Datenordner ist schreibgeschützt: Dort kann nichts gespeichert werden. Verschieben Sie ihn in einen beschreibbaren Ordner oder wählen Sie einen anderen mit --data-dir.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/moving.py" />
      <source>The database you are moving to already holds a book. Nothing was moved: choose an empty database (a move never merges into or overwrites one).</source>
      <translation>Die Zieldatenbank enthält bereits ein Buch. Es wurde nichts verschoben: Wählen Sie eine leere Datenbank (ein Umzug führt nie zusammen und überschreibt nie).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/moving.py" />
      <source>The copy did not match the original, so nothing was moved (the target is as empty as it was). The log says which table differed.</source>
      <translation>Die Kopie stimmte nicht mit dem Original überein, daher wurde nichts verschoben (das Ziel ist so leer wie zuvor). Das Protokoll nennt die abweichende Tabelle.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/server_backup.py" />
      <source>Backing up a shared book needs PostgreSQL's pg_dump, which is not installed on this computer: install PostgreSQL's client tools, or ask whoever runs the server to back it up. Nothing was changed.</source>
      <translation>Für die Sicherung eines gemeinsamen Buchs wird pg_dump von PostgreSQL benötigt, das auf diesem Computer nicht installiert ist: Installieren Sie die Client-Werkzeuge von PostgreSQL oder bitten Sie den Betreiber des Servers um eine Sicherung. Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/server_backup.py" />
      <source>pg_dump could not back up the shared book (is this computer's pg_dump as new as the server?). Nothing was changed.</source>
      <translation>pg_dump konnte das gemeinsame Buch nicht sichern (ist pg_dump auf diesem Computer so neu wie der Server?). Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>The shared book could not be set up. Nothing was changed.</source>
      <translation>Das gemeinsame Buch konnte nicht eingerichtet werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>{name} cannot name a role: use lower-case letters, digits and underscores.</source>
      <translation>{name} kann keine Rolle benennen: Verwenden Sie Kleinbuchstaben, Ziffern und Unterstriche.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>This book is already set up for sharing (it has people). Nothing was changed.</source>
      <translation>Dieses Buch ist bereits zum Teilen eingerichtet (es hat Personen). Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>A book has one owner: add others as a member, a viewer or a client.</source>
      <translation>Ein Buch hat einen Eigentümer: Fügen Sie andere als Mitglied, Betrachter oder Klient hinzu.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>The shares of a joint account are each more than 0 and add up to 1 (e.g. alex=0.5 sam=0.5). Nothing was changed.</source>
      <translation>Die Anteile an einem Gemeinschaftskonto sind jeweils größer als 0 und ergeben zusammen 1 (z. B. alex=0.5 sam=0.5). Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>The book has no person with the login {logins}. Nothing was changed.</source>
      <translation>Das Buch hat keine Person mit der Anmeldung {logins}. Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/models/shared_book.py" />
      <source>The book has no account {account} that you may see. Nothing was changed.</source>
      <translation>Das Buch hat kein Konto {account}, das Sie sehen dürfen. Es wurde nichts geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>“{part}” is not a symbol with an optional weight. Write e.g. SPY, or SPY 60, AGG 40.</source>
      <translation>„{part}“ ist kein Symbol mit optionalem Gewicht. Schreiben Sie z. B. SPY oder SPY 60, AGG 40.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>“{part}” has a weight that is not a number.</source>
      <translation>„{part}“ hat ein Gewicht, das keine Zahl ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>Name a symbol to compare with (e.g. SPY), or a blend (SPY 60, AGG 40).</source>
      <translation>Nennen Sie ein Symbol zum Vergleich (z. B. SPY) oder eine Mischung (SPY 60, AGG 40).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>Each symbol can be in the blend once.</source>
      <translation>Jedes Symbol kann nur einmal in der Mischung sein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>Give every part of a blend a weight above 0 (e.g. SPY 60, AGG 40), or none of them.</source>
      <translation>Geben Sie jedem Teil einer Mischung ein Gewicht über 0 (z. B. SPY 60, AGG 40) oder keinem.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/benchmark.py" />
      <source>A blend's weights add up to 100; these add up to {total:f}.</source>
      <translation>Die Gewichte einer Mischung ergeben zusammen 100; diese ergeben {total:f}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/health.py" />
      <source>{rule} over {threshold}: nothing to weigh yet.</source>
      <translation>{rule} über {threshold}: noch nichts zu gewichten.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/health.py" />
      <source>{rule} over {threshold}: none. Largest: {name}, {weight}.</source>
      <translation>{rule} über {threshold}: keine. Größte: {name}, {weight}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/portfolio/health.py" />
      <source>{rule} over {threshold}: {exposures}.</source>
      <translation>{rule} über {threshold}: {exposures}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca.py" />
      <source>Alpaca sent account activities the app could not read. Nothing was changed.</source>
      <translation>Alpaca hat Kontobuchungen gesendet, die die App nicht lesen konnte. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca.py" />
      <source>Alpaca sent {what} in a form the app could not read. Nothing was changed.</source>
      <translation>Alpaca hat {what} in einer Form gesendet, die die App nicht lesen konnte. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca_activities.py" />
      <source>Alpaca sent an account activity the app could not read. Nothing was changed.</source>
      <translation>Alpaca hat eine Kontobuchung gesendet, die die App nicht lesen konnte. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca_trading.py" />
      <source>Alpaca cannot trade {symbol}.</source>
      <translation>Alpaca kann {symbol} nicht handeln.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca_trading.py" />
      <source>Alpaca does not allow trading {symbol} right now.</source>
      <translation>Alpaca erlaubt den Handel mit {symbol} gerade nicht.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/alpaca_trading.py" />
      <source>{symbol} cannot be traded in fractions or dollar amounts at Alpaca.</source>
      <translation>{symbol} kann bei Alpaca nicht in Bruchteilen oder Geldbeträgen gehandelt werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/base.py" />
      <source>The {what} {value} has more digits than the brokerage accepts.</source>
      <translation>Der Wert {value} ({what}) hat mehr Stellen, als der Broker annimmt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/registry.py" />
      <source>SnapTrade needs API keys: set SNAPTRADE_CLIENT_ID and SNAPTRADE_CONSUMER_KEY, or enter them in Settings.</source>
      <translation>SnapTrade braucht API-Schlüssel: Setzen Sie SNAPTRADE_CLIENT_ID und SNAPTRADE_CONSUMER_KEY oder geben Sie sie in den Einstellungen ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/registry.py" />
      <source>Plaid needs keys: set PLAID_CLIENT_ID and PLAID_SECRET, or enter them in Settings.</source>
      <translation>Plaid braucht Schlüssel: Setzen Sie PLAID_CLIENT_ID und PLAID_SECRET oder geben Sie sie in den Einstellungen ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/registry.py" />
      <source>Add your Clera brokerage (Alpaca) API key and secret to connect it.</source>
      <translation>Fügen Sie den API-Schlüssel und das Secret Ihres Clera-Brokerage-Kontos (Alpaca) hinzu, um es zu verbinden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/snaptrade.py" />
      <source>SnapTrade sent a response the app could not read. Nothing was changed.</source>
      <translation>SnapTrade hat eine Antwort gesendet, die die App nicht lesen konnte. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/snaptrade.py" />
      <source>Connect a brokerage first: no SnapTrade user is registered yet.</source>
      <translation>Verbinden Sie zuerst einen Broker: Es ist noch kein SnapTrade-Benutzer registriert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/snaptrade_trading.py" />
      <source>{institution} cannot trade {symbol} in this account.</source>
      <translation>{institution} kann {symbol} in diesem Konto nicht handeln.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/providers/snaptrade_trading.py" />
      <source>Preview the order with the brokerage before placing it.</source>
      <translation>Lassen Sie die Order vom Broker prüfen, bevor Sie sie aufgeben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>A target is a percentage from 0 to 100.</source>
      <translation>Ein Ziel ist ein Prozentsatz von 0 bis 100.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>No target for {name}.</source>
      <translation>Kein Ziel für {name}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>{name}: aiming for {percent}% of the portfolio.</source>
      <translation>{name}: Ziel {percent} % des Portfolios.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>{key!r} is not a way to classify a holding.</source>
      <translation>{key!r} ist keine Art, eine Position einzuordnen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>{dimension} follows from the holding and cannot be chosen.</source>
      <translation>{dimension} ergibt sich aus der Position und kann nicht gewählt werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>{symbol} classified: {classes}.</source>
      <translation>{symbol} eingeordnet: {classes}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/allocation.py" />
      <source>{symbol} classified as the providers report it.</source>
      <translation>{symbol} eingeordnet, wie die Anbieter es melden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/app.py" />
      <source>{code!r} is not a currency code such as USD or CAD.</source>
      <translation>{code!r} ist kein Währungscode wie USD oder EUR.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/app.py" />
      <source>Totals are now shown in {code}.</source>
      <translation>Summen werden jetzt in {code} gezeigt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/book.py" />
      <source>That account no longer exists.</source>
      <translation>Dieses Konto gibt es nicht mehr.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/connecting.py" />
      <source>SnapTrade does not list the new connection yet. Try Refresh in a minute.</source>
      <translation>SnapTrade führt die neue Verbindung noch nicht. Versuchen Sie in einer Minute Aktualisieren.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>The brokerage's own method decides which lots it reports as sold: its API takes no lot choice with an order. This estimate closes lots by your method for this account.</source>
      <translation>Die eigene Methode des Brokers entscheidet, welche Posten er als verkauft meldet: Seine API nimmt mit einer Order keine Postenwahl an. Diese Schätzung schließt Posten nach Ihrer Methode für dieses Konto.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>{account} is not active.</source>
      <translation>{account} ist nicht aktiv.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>Lots in this account's sales are closed {method}.</source>
      <translation>Posten werden bei Verkäufen in diesem Konto nach {method} geschlossen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>Lots in every account's sales (unless set for it) are closed {method}.</source>
      <translation>Posten werden bei Verkäufen in jedem Konto (sofern dort nicht anders gewählt) nach {method} geschlossen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>The long-term holding period is a number of months from 0 to 600.</source>
      <translation>Die Haltedauer für langfristig ist eine Zahl von Monaten von 0 bis 600.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/gains.py" />
      <source>Held more than {months} months is long-term.</source>
      <translation>Länger als {months} Monate gehalten ist langfristig.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/health.py" />
      <source>A health rule's threshold is a percentage above 0 and up to 100.</source>
      <translation>Die Schwelle einer Gesundheitsregel ist ein Prozentsatz über 0 und bis 100.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/health.py" />
      <source>{rule}: flagged above {percent}% of the portfolio.</source>
      <translation>{rule}: markiert über {percent} % des Portfolios.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/imports.py" />
      <source>Imported {count} line from {source}.</source>
      <translation>{count} Zeile aus {source} importiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/imports.py" />
      <source>Imported {count} lines from {source}.</source>
      <translation>{count} Zeilen aus {source} importiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/keys.py" />
      <source>Saved keys unlocked.</source>
      <translation>Gespeicherte Schlüssel entsperrt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/keys.py" />
      <source>Keys saved. {note}</source>
      <translation>Schlüssel gespeichert. {note}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/keys.py" />
      <source>Keys saved.</source>
      <translation>Schlüssel gespeichert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Give the account a name.</source>
      <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>{currency!r} is not a currency code such as USD or CAD.</source>
      <translation>{currency!r} ist kein Währungscode wie USD oder EUR.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Added the manual account {name} ({currency}).</source>
      <translation>Manuelles Konto {name} ({currency}) hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Renamed the account {name}.</source>
      <translation>Konto in {name} umbenannt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Deleted the manual account {name}.</source>
      <translation>Manuelles Konto {name} gelöscht.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>That activity no longer exists.</source>
      <translation>Diese Buchung gibt es nicht mehr.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Added the activity.</source>
      <translation>Buchung hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Saved the activity.</source>
      <translation>Buchung gespeichert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Deleted the activity.</source>
      <translation>Buchung gelöscht.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>Add what is missing first, or save again to keep it as written.</source>
      <translation>Fügen Sie zuerst hinzu, was fehlt, oder speichern Sie erneut, um es so zu behalten.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>{account} holds {held} {symbol} on {day}: this takes out {quantity}, leaving {left}.</source>
      <translation>{account} hält am {day} {held} {symbol}: Dies nimmt {quantity} heraus und lässt {left}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>This leaves {account} with {cash} in cash on {day}.</source>
      <translation>Damit hat {account} am {day} {cash} an Bargeld.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>{account} is kept by its provider: its activities change when the provider's do. Add a manual account for records of your own.</source>
      <translation>{account} wird von seinem Anbieter geführt: Seine Buchungen ändern sich mit denen des Anbieters. Fügen Sie für eigene Aufzeichnungen ein manuelles Konto hinzu.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/manual.py" />
      <source>An account named {name!r} exists already.</source>
      <translation>Ein Konto namens {name!r} gibt es bereits.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/security.py" />
      <source>A shared book is kept by its server: encryption at rest is for a book on this computer.</source>
      <translation>Ein gemeinsames Buch verwahrt sein Server: Die Verschlüsselung gilt für ein Buch auf diesem Computer.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/security.py" />
      <source>Unlock the saved keys first: the database's key is kept with them. Nothing was changed.</source>
      <translation>Entsperren Sie zuerst die gespeicherten Schlüssel: Der Schlüssel der Datenbank liegt bei ihnen. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/security.py" />
      <source>A sync is writing to your data: try again when it has finished. Nothing was changed.</source>
      <translation>Eine Synchronisierung schreibt in Ihre Daten: Versuchen Sie es erneut, wenn sie fertig ist. Nichts wurde geändert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/shared_changes.py" />
      <source>The shared book's server cannot be reached: showing what was last read; nothing is saved until it is back.</source>
      <translation>Der Server des gemeinsamen Buchs ist nicht erreichbar: Angezeigt wird der zuletzt gelesene Stand; gespeichert wird erst wieder, wenn er zurück ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/shared_changes.py" />
      <source>The shared book's server is back; reading what changed meanwhile.</source>
      <translation>Der Server des gemeinsamen Buchs ist zurück; was sich inzwischen geändert hat, wird gelesen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/storage.py" />
      <source>Saved: Clera Desktop opens the book on this computer from its next start.</source>
      <translation>Gespeichert: Clera Desktop öffnet ab dem nächsten Start das Buch auf diesem Computer.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/storage.py" />
      <source>{database} on {host} holds no book yet. Set it up first: 'clera-desktop server init', then 'clera-desktop move --to ...' to bring your book there.</source>
      <translation>{database} auf {host} enthält noch kein Buch. Richten Sie es zuerst ein: 'clera-desktop server init', dann 'clera-desktop move --to ...', um Ihr Buch dorthin zu bringen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/storage.py" />
      <source>Not saved: the password needs your saved keys unlocked first.</source>
      <translation>Nicht gespeichert: Für das Passwort müssen Ihre gespeicherten Schlüssel zuerst entsperrt werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/services/storage.py" />
      <source>Saved: Clera Desktop opens the shared book {book} from its next start.</source>
      <translation>Gespeichert: Clera Desktop öffnet ab dem nächsten Start das gemeinsame Buch {book}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/connections.py" />
      <source>That connection no longer exists.</source>
      <translation>Diese Verbindung gibt es nicht mehr.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>Checking connections</source>
      <translation>Verbindungen werden geprüft</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>{brokerage}: {reason}</source>
      <translation>{brokerage}: {reason}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>needs reconnect</source>
      <translation>Neu verbinden nötig</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>Synced {account}</source>
      <translation>{account} synchronisiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>{account}: {note}</source>
      <translation>{account}: {note}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/sync/service.py" />
      <source>{what}: {reason}</source>
      <translation>{what}: {reason}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>This is {owner}'s account: only they can trade it, from their own computer.</source>
      <translation>Dies ist das Konto von {owner}: Nur diese Person kann damit handeln, von ihrem eigenen Computer aus.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>Linked read-only through Plaid: trade it at the brokerage.</source>
      <translation>Über Plaid nur lesend verknüpft: Handeln Sie es beim Broker.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>A manual account cannot place orders.</source>
      <translation>Ein manuelles Konto kann keine Orders aufgeben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>Trading through SnapTrade is switched off (FF_SNAPTRADE_TRADE_EXECUTION).</source>
      <translation>Der Handel über SnapTrade ist abgeschaltet (FF_SNAPTRADE_TRADE_EXECUTION).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>Connected read-only. Reconnect it with trading access to place orders.</source>
      <translation>Nur lesend verbunden. Verbinden Sie es mit Handelszugriff neu, um Orders aufzugeben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/accounts.py" />
      <source>The connection needs attention (reconnect it first).</source>
      <translation>Die Verbindung braucht Aufmerksamkeit (verbinden Sie sie zuerst neu).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/order_store.py" />
      <source>This ticket was already sent to the brokerage; it is not sent twice.</source>
      <translation>Dieses Ticket wurde bereits an den Broker gesendet; es wird nicht zweimal gesendet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/order_store.py" />
      <source>Only a ticket the brokerage never confirmed can be closed here; cancel an order instead.</source>
      <translation>Nur ein Ticket, das der Broker nie bestätigt hat, kann hier geschlossen werden; stornieren Sie sonst die Order.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>No account can trade yet: connect a brokerage with trading access or add the Clera brokerage account.</source>
      <translation>Noch kann kein Konto handeln: Verbinden Sie einen Broker mit Handelszugriff oder fügen Sie das Clera-Brokerage-Konto hinzu.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account} holds {held} {symbol}.</source>
      <translation>{account} hält {held} {symbol}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account} holds {held} {symbol}; 1 other trading account also holds it (SnapTrade accounts come first).</source>
      <translation>{account} hält {held} {symbol}; 1 weiteres Handelskonto hält es ebenfalls (SnapTrade-Konten zuerst).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account} holds {held} {symbol}; {others} other trading accounts also hold it (SnapTrade accounts come first).</source>
      <translation>{account} hält {held} {symbol}; {others} weitere Handelskonten halten es ebenfalls (SnapTrade-Konten zuerst).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account} holds {held} {symbol}; 1 other trading account also holds it.</source>
      <translation>{account} hält {held} {symbol}; 1 weiteres Handelskonto hält es ebenfalls.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account} holds {held} {symbol}; {others} other trading accounts also hold it.</source>
      <translation>{account} hält {held} {symbol}; {others} weitere Handelskonten halten es ebenfalls.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account}, because it is the Clera brokerage account.</source>
      <translation>{account}, weil es das Clera-Brokerage-Konto ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account}, because it is the first trading account.</source>
      <translation>{account}, weil es das erste Handelskonto ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{account}, because it is your default trading account.</source>
      <translation>{account}, weil es Ihr Standard-Handelskonto ist.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>{symbol} is held only in read-only accounts ({accounts}).</source>
      <translation>{symbol} wird nur in Konten mit Lesezugriff gehalten ({accounts}).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/routing.py" />
      <source>No trading account holds {symbol}.</source>
      <translation>Kein Handelskonto hält {symbol}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>The brokerage did not confirm the order and it could not be found. It was not sent again. Check the Orders view (or the brokerage) before placing it again.</source>
      <translation>Der Broker hat die Order nicht bestätigt, und sie war nicht auffindbar. Sie wurde nicht erneut gesendet. Prüfen Sie die Ansicht Orders (oder den Broker), bevor Sie sie erneut aufgeben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>{provider} is not set up for trading here.</source>
      <translation>{provider} ist hier nicht für den Handel eingerichtet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>That account is no longer connected.</source>
      <translation>Dieses Konto ist nicht mehr verbunden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>This is a live account with real money: confirm the live trade explicitly.</source>
      <translation>Dies ist ein Echtgeldkonto: Bestätigen Sie den Live-Handel ausdrücklich.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>The brokerage's preview has expired (after 5 minutes). Preview the order again.</source>
      <translation>Die Vorschau des Brokers ist abgelaufen (nach 5 Minuten). Lassen Sie die Order erneut prüfen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>The brokerage has not confirmed this order yet, so it cannot be canceled from here.</source>
      <translation>Der Broker hat diese Order noch nicht bestätigt, daher kann sie hier nicht storniert werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>The order is already {status}.</source>
      <translation>Die Order ist bereits {status}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/service.py" />
      <source>Ticket closed.</source>
      <translation>Ticket geschlossen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{account} cannot place orders: {reason}</source>
      <translation>{account} kann keine Orders aufgeben: {reason}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>Enter the symbol to trade.</source>
      <translation>Geben Sie das zu handelnde Symbol ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{symbol} cannot be traded in {account}.</source>
      <translation>{symbol} kann in {account} nicht gehandelt werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{symbol} trades in {currency}; {account} holds {cash}.</source>
      <translation>{symbol} wird in {currency} gehandelt; {account} führt {cash}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{institution} does not take {kind} orders.</source>
      <translation>{institution} nimmt keine Orders vom Typ {kind} an.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{institution} does not offer time in force {tif}.</source>
      <translation>{institution} bietet die Gültigkeit {tif} nicht an.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>The market is closed: a market order waits for the next open and fills at whatever the price is then.</source>
      <translation>Der Markt ist geschlossen: Eine Bestens-Order wartet auf die nächste Eröffnung und wird zum dann geltenden Kurs ausgeführt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>No quote is available: the estimated cost cannot be shown.</source>
      <translation>Kein Kurs verfügbar: Die geschätzten Kosten können nicht gezeigt werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>Enter either a quantity or a cash amount.</source>
      <translation>Geben Sie entweder eine Stückzahl oder einen Geldbetrag ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{what} must be greater than zero.</source>
      <translation>{what} muss größer als null sein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>This brokerage takes a number of shares, not a cash amount.</source>
      <translation>Dieser Broker nimmt eine Anzahl Aktien, keinen Geldbetrag.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>This brokerage does not trade fractional shares: enter a whole number.</source>
      <translation>Dieser Broker handelt keine Bruchteile von Aktien: Geben Sie eine ganze Zahl ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>A {kind} order needs a limit price.</source>
      <translation>Eine Order vom Typ {kind} braucht einen Limitkurs.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>The limit price must be greater than zero.</source>
      <translation>Der Limitkurs muss größer als null sein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>A {kind} order needs a stop price.</source>
      <translation>Eine Order vom Typ {kind} braucht einen Stoppkurs.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>The stop price must be greater than zero.</source>
      <translation>Der Stoppkurs muss größer als null sein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>{account} holds no {symbol} to sell.</source>
      <translation>{account} hält kein {symbol} zum Verkaufen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>You hold {held} {symbol} in this account and cannot sell {wanted}.</source>
      <translation>Sie halten {held} {symbol} in diesem Konto und können nicht {wanted} verkaufen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>The account's buying power is not known yet: the brokerage will check it.</source>
      <translation>Die Kaufkraft des Kontos ist noch nicht bekannt: Der Broker prüft sie.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/trading/validation.py" />
      <source>The estimated cost {cost} is more than the buying power of {power}.</source>
      <translation>Die geschätzten Kosten von {cost} übersteigen die Kaufkraft von {power}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/account_choice.py" />
      <source>All accounts</source>
      <translation>Alle Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/app_shell.py" />
      <source>Something unexpected went wrong. The details are in the log (Help &gt; Open log folder).</source>
      <translation>Etwas Unerwartetes ist schiefgelaufen. Die Einzelheiten stehen im Protokoll (Hilfe &gt; Protokollordner öffnen).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/app_shell.py" />
      <source>Clera Desktop</source>
      <translation>Clera Desktop</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/charts/donut.py" />
      <source>Other ({count})</source>
      <translation>Übrige ({count})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/charts/donut.py" />
      <source>{count} smaller parts, {percent}% together</source>
      <translation>{count} kleinere Teile, zusammen {percent} %</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/charts/month_bars.py" />
      <source>The month under the pointer</source>
      <translation>Der Monat unter dem Zeiger</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/charts/value_chart.py" />
      <source>Value over time</source>
      <translation>Wert im Zeitverlauf</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Symbol</source>
      <translation>Symbol</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Quantity</source>
      <translation>Stückzahl</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Price</source>
      <translation>Kurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Amount</source>
      <translation>Betrag</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Fee</source>
      <translation>Gebühr</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Tax withheld</source>
      <translation>Einbehaltene Steuer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>First bought on</source>
      <translation>Zuerst gekauft am</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Amount: the cash paid, fee included (left empty: quantity × price + fee).</source>
      <translation>Betrag: der gezahlte Betrag inklusive Gebühr (leer: Stückzahl × Kurs + Gebühr).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Amount: the cash received after the fee (left empty: quantity × price − fee).</source>
      <translation>Betrag: der erhaltene Betrag nach Gebühr (leer: Stückzahl × Kurs − Gebühr).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Amount: the gross dividend; the fee and tax withheld are taken from it.</source>
      <translation>Betrag: die Bruttodividende; Gebühr und einbehaltene Steuer werden davon abgezogen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Amount: the gross interest; the fee and tax withheld are taken from it.</source>
      <translation>Betrag: die Bruttozinsen; Gebühr und einbehaltene Steuer werden davon abgezogen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>A negative amount is a tax refund.</source>
      <translation>Ein negativer Betrag ist eine Steuererstattung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Quantity: the ratio (2 for a 2-for-1 split).</source>
      <translation>Stückzahl: das Verhältnis (2 für einen 2:1-Split).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Shares move, no cash: amount (or quantity × price) is the cost they carry.</source>
      <translation>Aktien werden bewegt, kein Geld: Betrag (oder Stückzahl × Kurs) sind ihre Anschaffungskosten.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Shares move, no cash. Without a symbol, the amount is cash moved out.</source>
      <translation>Aktien werden bewegt, kein Geld. Ohne Symbol ist der Betrag ausgebuchtes Geld.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Edit activity — {account}</source>
      <translation>Buchung bearbeiten — {account}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Add activity — {account}</source>
      <translation>Buchung hinzufügen — {account}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Type</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>YYYY-MM-DD (for the holding period)</source>
      <translation>JJJJ-MM-TT (für die Haltedauer)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Description</source>
      <translation>Beschreibung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/activity_dialog.py" />
      <source>Save anyway</source>
      <translation>Trotzdem speichern</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Add Clera brokerage account</source>
      <translation>Clera-Brokerage-Konto hinzufügen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>API key ID</source>
      <translation>API-Schlüssel-ID</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Secret key</source>
      <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Paper trading (practice money)</source>
      <translation>Papierhandel (Übungsgeld)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Your keys are checked with Alpaca, then kept in the system keyring.</source>
      <translation>Ihre Schlüssel werden bei Alpaca geprüft und dann im Schlüsselbund des Systems abgelegt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Verify and save</source>
      <translation>Prüfen und speichern</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Key ID</source>
      <translation>Schlüssel-ID</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Secret</source>
      <translation>Geheimnis</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Enter both the key ID and the secret key.</source>
      <translation>Geben Sie die Schlüssel-ID und den geheimen Schlüssel ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/alpaca_dialog.py" />
      <source>Checking the keys with Alpaca…</source>
      <translation>Die Schlüssel werden bei Alpaca geprüft…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/classify_dialog.py" />
      <source>As the providers report it</source>
      <translation>Wie von den Anbietern gemeldet</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/classify_dialog.py" />
      <source>Classify {symbol}</source>
      <translation>{symbol} einordnen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/classify_dialog.py" />
      <source>Your classes are kept apart from what the providers report: a sync never changes them. Type a new name to add a class. The region follows the country.</source>
      <translation>Ihre Einordnungen werden getrennt von den Angaben der Anbieter gespeichert: Eine Synchronisierung ändert sie nie. Geben Sie einen neuen Namen ein, um eine Klasse anzulegen. Die Region folgt dem Land.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>from the brokerage's preview</source>
      <translation>aus der Vorschau des Brokers</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>app estimate from the latest quote</source>
      <translation>Schätzung der App aus dem letzten Kurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>not available</source>
      <translation>nicht verfügbar</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>the brokerage's price</source>
      <translation>dem Kurs des Brokers</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>the latest quote</source>
      <translation>dem letzten Kurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>before records</source>
      <translation>vor den Aufzeichnungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>unknown: some shares' cost is not on record</source>
      <translation>unbekannt: Die Kosten einiger Aktien sind nicht erfasst</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>In a tax-sheltered account: nothing is taxed when it is realised.</source>
      <translation>In einem steuerbegünstigten Konto: Bei der Realisierung wird nichts versteuert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Bought</source>
      <translation>Gekauft</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Shares</source>
      <translation>Aktien</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Cost</source>
      <translation>Kosten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Proceeds</source>
      <translation>Erlös</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Gain</source>
      <translation>Gewinn</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Term</source>
      <translation>Frist</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Tax effect</source>
      <translation>Steuerliche Wirkung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>(app estimate at {price}; lots closed {method})</source>
      <translation>(Schätzung der App zu {price}; Posten geschlossen nach {method})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Estimated realised gain: {gain}.</source>
      <translation>Geschätzter realisierter Gewinn: {gain}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>The ticket estimated {estimate} from the quote's ask {quoted}; the brokerage's preview prices the order at {price}, and the brokerage's figure is the one shown.</source>
      <translation>Das Ticket schätzte {estimate} aus dem Briefkurs {quoted}; die Vorschau des Brokers bewertet die Order mit {price}, und die Zahl des Brokers wird gezeigt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>The ticket estimated {estimate} from the quote's bid {quoted}; the brokerage's preview prices the order at {price}, and the brokerage's figure is the one shown.</source>
      <translation>Das Ticket schätzte {estimate} aus dem Geldkurs {quoted}; die Vorschau des Brokers bewertet die Order mit {price}, und die Zahl des Brokers wird gezeigt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Confirm order</source>
      <translation>Order bestätigen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Buy {quantity} shares of {symbol}</source>
      <translation>{quantity} Aktien {symbol} kaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Sell {quantity} shares of {symbol}</source>
      <translation>{quantity} Aktien {symbol} verkaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Buy {amount} worth of {symbol}</source>
      <translation>{symbol} im Wert von {amount} kaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Sell {amount} worth of {symbol}</source>
      <translation>{symbol} im Wert von {amount} verkaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Account</source>
      <translation>Konto</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>&lt;b&gt;LIVE&lt;/b&gt;</source>
      <translation>&lt;b&gt;LIVE&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Order type</source>
      <translation>Ordertyp</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>, time in force {tif}</source>
      <translation>, Gültigkeit {tif}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Limit price</source>
      <translation>Limitkurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Stop price</source>
      <translation>Stoppkurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>(your limit: it fills at this price or lower, or not at all)</source>
      <translation>(Ihr Limit: Ausführung zu diesem Kurs oder niedriger, oder gar nicht)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>(your limit: it fills at this price or higher, or not at all)</source>
      <translation>(Ihr Limit: Ausführung zu diesem Kurs oder höher, oder gar nicht)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Commission</source>
      <translation>Provision</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Estimated cost</source>
      <translation>Geschätzte Kosten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Estimated proceeds</source>
      <translation>Geschätzter Erlös</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Cash afterwards</source>
      <translation>Bargeld danach</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Quote</source>
      <translation>Kurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>bid {bid} · ask {ask} · last {last} ({source})</source>
      <translation>Geld {bid} · Brief {ask} · zuletzt {last} ({source})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>I understand this is a live account: this order uses real money.</source>
      <translation>Mir ist klar, dass dies ein Echtgeldkonto ist: Diese Order verwendet echtes Geld.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Place order</source>
      <translation>Order aufgeben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Placing the order…</source>
      <translation>Die Order wird aufgegeben…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/confirm_order_dialog.py" />
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import from CSV</source>
      <translation>Aus CSV importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Activities</source>
      <translation>Buchungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Daily prices</source>
      <translation>Tageskurse</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Exchange rates</source>
      <translation>Wechselkurse</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Choose a CSV file, or type its path and press Enter</source>
      <translation>Wählen Sie eine CSV-Datei oder geben Sie ihren Pfad ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Choose…</source>
      <translation>Auswählen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import</source>
      <translation>Importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import the good lines</source>
      <translation>Die fehlerfreien Zeilen importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Columns: {formats}</source>
      <translation>Spalten: {formats}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import CSV</source>
      <translation>CSV importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>CSV files (*.csv);;All files (*)</source>
      <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Cannot read the file: {reason}</source>
      <translation>Die Datei kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import the {count} good line</source>
      <translation>Die {count} fehlerfreie Zeile importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import the {count} good lines</source>
      <translation>Die {count} fehlerfreien Zeilen importieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/import_dialog.py" />
      <source>Import failed, nothing was imported: {reason}</source>
      <translation>Import fehlgeschlagen, nichts wurde importiert: {reason}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>Add manual account</source>
      <translation>Manuelles Konto hinzufügen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>e.g. Company pension</source>
      <translation>z. B. Betriebsrente</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>Then add its activities one by one (right-click it in Accounts › Add activity…) or import them from CSV (File › Import CSV).</source>
      <translation>Fügen Sie dann seine Buchungen einzeln hinzu (Rechtsklick in Konten › Buchung hinzufügen…) oder importieren Sie sie aus einer CSV-Datei (Datei › CSV importieren).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>Create</source>
      <translation>Anlegen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/manual_account_dialog.py" />
      <source>Currency</source>
      <translation>Währung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/portal_dialog.py" />
      <source>Signing in happens on {host}; Clera Desktop never sees your brokerage password.</source>
      <translation>Die Anmeldung erfolgt auf {host}; Clera Desktop sieht Ihr Broker-Passwort nie.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/portal_dialog.py" />
      <source>Open outside Clera Desktop?</source>
      <translation>Außerhalb von Clera Desktop öffnen?</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/portal_dialog.py" />
      <source>The page wants to open {address}.

Open it with your system ({where})?</source>
      <translation>Die Seite möchte {address} öffnen.

Mit Ihrem System öffnen ({where})?</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>{name} (left empty: keep the saved one)</source>
      <translation>{name} (leer: den gespeicherten behalten)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Keys are kept in the system keyring, never in the database or the log.</source>
      <translation>Schlüssel werden im Schlüsselbund des Systems gespeichert, nie in der Datenbank oder im Protokoll.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>This system has no keyring: keys are kept in a file encrypted with your passphrase, never in the database or the log.</source>
      <translation>Dieses System hat keinen Schlüsselbund: Schlüssel werden in einer mit Ihrer Passphrase verschlüsselten Datei gespeichert, nie in der Datenbank oder im Protokoll.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>The demo's keys are kept in memory only, and forgotten when it quits.</source>
      <translation>Die Schlüssel der Demo liegen nur im Arbeitsspeicher und werden beim Beenden vergessen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Settings</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Client ID</source>
      <translation>Client-ID</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Consumer key</source>
      <translation>Consumer-Schlüssel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Personal key (my own SnapTrade account)</source>
      <translation>Persönlicher Schlüssel (mein eigenes SnapTrade-Konto)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Production (unchecked: Plaid sandbox)</source>
      <translation>Produktion (nicht angehakt: Plaid-Sandbox)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Live keys: real money (unchecked: paper trading)</source>
      <translation>Live-Schlüssel: echtes Geld (nicht angehakt: Papierhandel)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>For every account whose own method is not chosen (in its pane under Accounts)</source>
      <translation>Für jedes Konto ohne eigene Methode (in seinem Bereich unter Konten)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>A sale of shares held longer than this is long-term (US: 12 months)</source>
      <translation>Ein Verkauf von Aktien, die länger gehalten wurden, ist langfristig (USA: 12 Monate)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source> minutes</source>
      <translation> Minuten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>only when I ask</source>
      <translation>nur auf Wunsch</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>While the app is open it syncs this often, and when the computer wakes or the network comes back; after a failure it tries again sooner, then less often.</source>
      <translation>Solange die App geöffnet ist, synchronisiert sie in diesem Abstand, und wenn der Computer aufwacht oder das Netzwerk zurückkehrt; nach einem Fehler versucht sie es früher erneut, dann seltener.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Show totals in</source>
      <translation>Summen anzeigen in</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Sync on its own every</source>
      <translation>Selbst synchronisieren alle</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Close lots by</source>
      <translation>Posten schließen nach</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Long-term after</source>
      <translation>Langfristig nach</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>SnapTrade</source>
      <translation>SnapTrade</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Plaid</source>
      <translation>Plaid</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Clera brokerage (Alpaca)</source>
      <translation>Clera-Brokerage (Alpaca)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Security</source>
      <translation>Sicherheit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Encrypt my data on this computer (SQLCipher, AES-256)</source>
      <translation>Meine Daten auf diesem Computer verschlüsseln (SQLCipher, AES-256)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>The database and its backups are encrypted; the key is kept with your saved keys, and without it the data cannot be read.</source>
      <translation>Die Datenbank und ihre Sicherungen sind verschlüsselt; der Schlüssel liegt bei Ihren gespeicherten Schlüsseln, und ohne ihn können die Daten nicht gelesen werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>General</source>
      <translation>Allgemein</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Provider keys</source>
      <translation>Anbieter-Schlüssel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Storage</source>
      <translation>Speicherort</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>On this computer</source>
      <translation>Auf diesem Computer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>A shared book on a PostgreSQL server</source>
      <translation>Ein gemeinsames Buch auf einem PostgreSQL-Server</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Kept in your keyring</source>
      <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Server, e.g. books.example.org</source>
      <translation>Server, z. B. books.example.org</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Open now: {book}</source>
      <translation>Jetzt geöffnet: {book}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Port</source>
      <translation>Port</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Book (database)</source>
      <translation>Buch (Datenbank)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Your login</source>
      <translation>Ihre Anmeldung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Password</source>
      <translation>Passwort</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Not saved: the keys need the passphrase of their encrypted file.</source>
      <translation>Nicht gespeichert: Die Schlüssel brauchen die Passphrase ihrer verschlüsselten Datei.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Checking the keys with each provider…</source>
      <translation>Die Schlüssel werden bei jedem Anbieter geprüft…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Not saved.</source>
      <translation>Nicht gespeichert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Not checked: {reasons} The next sync will tell.</source>
      <translation>Nicht geprüft: {reasons} Die nächste Synchronisierung zeigt es.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Encrypting your data…</source>
      <translation>Ihre Daten werden verschlüsselt…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Decrypting your data…</source>
      <translation>Ihre Daten werden entschlüsselt…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Not saved: a shared book needs its server, book and your login.</source>
      <translation>Nicht gespeichert: Ein gemeinsames Buch braucht Server, Buch und Ihre Anmeldung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/dialogs/settings_dialog.py" />
      <source>Trying the server…</source>
      <translation>Server wird geprüft…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>never</source>
      <translation>nie</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>just now</source>
      <translation>gerade eben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>{minutes} min ago</source>
      <translation>vor {minutes} Min.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Live</source>
      <translation>Live</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Connected</source>
      <translation>Verbunden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Needs reconnect</source>
      <translation>Neu verbinden nötig</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Removed</source>
      <translation>Entfernt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Clera (Alpaca)</source>
      <translation>Clera (Alpaca)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/formatting.py" />
      <source>Manual</source>
      <translation>Manuell</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Number</source>
      <translation>Nr.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Provider</source>
      <translation>Anbieter</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Access</source>
      <translation>Zugriff</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Cash</source>
      <translation>Bargeld</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Total
value</source>
      <translation>Gesamt-
wert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Total</source>
      <translation>Gesamt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Last
sync</source>
      <translation>Letzte
Synchr.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Total
({currency})</source>
      <translation>Gesamt
({currency})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Converted at {rate} {pair} (ECB, {day})</source>
      <translation>Umgerechnet zu {rate} {pair} (EZB, {day})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>No {pair} rate: this account is not in the total. Import one with File › Import CSV (exchange rates).</source>
      <translation>Kein Kurs {pair}: Dieses Konto ist nicht in der Summe. Importieren Sie einen über Datei › CSV importieren (Wechselkurse).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>no price for {symbols}</source>
      <translation>kein Kurs für {symbols}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Without what could not be valued: {what}</source>
      <translation>Ohne das, was nicht bewertet werden konnte: {what}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>no {pair} rate</source>
      <translation>kein Kurs {pair}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Kept by hand</source>
      <translation>Von Hand geführt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Stale since {day}</source>
      <translation>Veraltet seit {day}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source> (paper)</source>
      <translation> (Papier)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Trading</source>
      <translation>Handel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>By hand</source>
      <translation>Von Hand</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/accounts_tree_model.py" />
      <source>Read-only</source>
      <translation>Nur lesen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Market value</source>
      <translation>Marktwert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Cost basis</source>
      <translation>Einstandswert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Gain/loss</source>
      <translation>Gewinn/Verlust</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Gain %</source>
      <translation>Gewinn %</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Weight</source>
      <translation>Gewicht</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Accts</source>
      <translation>Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>The accounts price this holding differently (or not at all): each account's price is on its own row.</source>
      <translation>Die Konten bewerten diese Position unterschiedlich (oder gar nicht): Der Kurs jedes Kontos steht in seiner eigenen Zeile.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Accounts holding it</source>
      <translation>Konten, die sie halten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>No {pair} rate: shown in {currency}, and left out of the total in {base}.</source>
      <translation>Kein Kurs {pair}: gezeigt in {currency} und nicht in der Summe in {base}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>Unknown: a price is missing, or an account holding it has no rate to the base currency.</source>
      <translation>Unbekannt: Ein Kurs fehlt, oder ein Konto mit dieser Position hat keinen Kurs zur Basiswährung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/item_models/holdings_tree_model.py" />
      <source>In {currency}: value {value}, cost {cost}; both converted at today's rate.</source>
      <translation>In {currency}: Wert {value}, Kosten {cost}; beide zum heutigen Kurs umgerechnet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>Showing your last session's figures while your data opens…</source>
      <translation>Die Zahlen Ihrer letzten Sitzung werden gezeigt, während Ihre Daten geöffnet werden…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>Opening your data…</source>
      <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>Clera Desktop — Demo</source>
      <translation>Clera Desktop — Demo</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>Unlock saved keys…</source>
      <translation>Gespeicherte Schlüssel entsperren…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>No system keyring here: your API keys are kept in an encrypted file.</source>
      <translation>Kein Schlüsselbund des Systems hier: Ihre API-Schlüssel liegen in einer verschlüsselten Datei.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/main_window.py" />
      <source>Reading the accounts…</source>
      <translation>Die Konten werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/palette.py" />
      <source>As the &amp;system</source>
      <translation>Wie das &amp;System</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/palette.py" />
      <source>&amp;Light</source>
      <translation>&amp;Hell</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/palette.py" />
      <source>&amp;Dark</source>
      <translation>&amp;Dunkel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/refresh.py" />
      <source>Reading the figures…</source>
      <translation>Die Zahlen werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/selfcheck.py" />
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/selfcheck.py" />
      <source>Holdings</source>
      <translation>Positionen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Syncing…</source>
      <translation>Synchronisiere…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Sync did not finish</source>
      <translation>Synchronisierung nicht abgeschlossen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Synced with problems</source>
      <translation>Mit Problemen synchronisiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Nothing connected to sync: connect a brokerage in Connect</source>
      <translation>Nichts zum Synchronisieren verbunden: Verbinden Sie einen Broker unter Verbinden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Up to date</source>
      <translation>Aktuell</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>{count} problem: {first}</source>
      <translation>{count} Problem: {first}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>{count} problems: {first}</source>
      <translation>{count} Probleme: {first}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Syncing {provider}: {message}{counter}</source>
      <translation>Synchronisiere {provider}: {message}{counter}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Click for details</source>
      <translation>Für Details klicken</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/sync_flow.py" />
      <source>Sync details</source>
      <translation>Details der Synchronisierung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>Unlock saved keys</source>
      <translation>Gespeicherte Schlüssel entsperren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>Choose a passphrase for your keys</source>
      <translation>Wählen Sie eine Passphrase für Ihre Schlüssel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>This system has no keyring service, so Clera Desktop keeps your API keys in a file encrypted with a passphrase you choose. It cannot be recovered: without it, the keys must be typed again.</source>
      <translation>Dieses System hat keinen Schlüsselbund-Dienst, daher speichert Clera Desktop Ihre API-Schlüssel in einer Datei, die mit einer von Ihnen gewählten Passphrase verschlüsselt ist. Sie kann nicht wiederhergestellt werden: Ohne sie müssen die Schlüssel erneut eingegeben werden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>This system has no keyring service: your saved API keys are in a file encrypted with your passphrase.</source>
      <translation>Dieses System hat keinen Schlüsselbund-Dienst: Ihre gespeicherten API-Schlüssel liegen in einer mit Ihrer Passphrase verschlüsselten Datei.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>Type it again</source>
      <translation>Noch einmal eingeben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>Type the passphrase.</source>
      <translation>Geben Sie die Passphrase ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/unlock.py" />
      <source>The two passphrases differ: type the same one twice.</source>
      <translation>Die beiden Passphrasen unterscheiden sich: Geben Sie zweimal dieselbe ein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Placed</source>
      <translation>Aufgegeben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Side</source>
      <translation>Richtung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Filled</source>
      <translation>Ausgeführt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Avg price</source>
      <translation>Ø Kurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Buying power</source>
      <translation>Kaufkraft</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Which lots a sale in this account closes, for its cost and realised gain</source>
      <translation>Welche Posten ein Verkauf in diesem Konto schließt, für seine Kosten und den realisierten Gewinn</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Select an account to see its portfolio.</source>
      <translation>Wählen Sie ein Konto, um sein Portfolio zu sehen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>From live prices; the figures below are from the last sync.</source>
      <translation>Aus Live-Kursen; die Zahlen darunter stammen von der letzten Synchronisierung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>The account's holdings</source>
      <translation>Die Positionen des Kontos</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Balances</source>
      <translation>Salden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>The account's balances</source>
      <translation>Die Salden des Kontos</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>The account's activities</source>
      <translation>Die Buchungen des Kontos</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Orders</source>
      <translation>Orders</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>The account's orders</source>
      <translation>Die Orders des Kontos</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Performance</source>
      <translation>Performance</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Add activity…</source>
      <translation>Buchung hinzufügen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Edit…</source>
      <translation>Bearbeiten…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Delete</source>
      <translation>Löschen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Delete activity</source>
      <translation>Buchung löschen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Delete this activity? The account's holdings, cash and history are worked out again without it.</source>
      <translation>Diese Buchung löschen? Positionen, Bargeld und Verlauf des Kontos werden ohne sie neu berechnet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source> — stale since {day}</source>
      <translation> — veraltet seit {day}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/account_detail_view.py" />
      <source>Live value &lt;b&gt;{money}&lt;/b&gt;{partial}</source>
      <translation>Live-Wert &lt;b&gt;{money}&lt;/b&gt;{partial}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Accounts</source>
      <translation>Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Choose an account to see its holdings, balances, activities, orders and performance.</source>
      <translation>Wählen Sie ein Konto, um seine Positionen, Salden, Buchungen, Orders und Wertentwicklung zu sehen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>{count} account</source>
      <translation>{count} Konto</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>{count} accounts</source>
      <translation>{count} Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Total &lt;b&gt;{money}&lt;/b&gt; · {accounts}</source>
      <translation>Gesamt &lt;b&gt;{money}&lt;/b&gt; · {accounts}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Rename…</source>
      <translation>Umbenennen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Delete account…</source>
      <translation>Konto löschen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>{account} is kept by {institution}: the sync changes it.</source>
      <translation>{account} wird von {institution} geführt: Die Synchronisierung ändert es.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Add manual account…</source>
      <translation>Manuelles Konto hinzufügen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Rename account</source>
      <translation>Konto umbenennen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Delete account</source>
      <translation>Konto löschen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/accounts_view.py" />
      <source>Delete {account} and every activity in it? This cannot be undone (a backup of the data is taken daily).</source>
      <translation>{account} und jede Buchung darin löschen? Das kann nicht rückgängig gemacht werden (eine Sicherung der Daten wird täglich angelegt).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Class</source>
      <translation>Klasse</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Value
({base})</source>
      <translation>Wert
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Day change
({base})</source>
      <translation>Tagesänderung
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Target</source>
      <translation>Ziel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Drift</source>
      <translation>Abweichung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Percentage points from the target</source>
      <translation>Prozentpunkte vom Ziel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>To rebalance
({base})</source>
      <translation>Zum Umschichten
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>What buying or selling would bring it to its target (nothing is placed)</source>
      <translation>Was Kaufen oder Verkaufen auf ihr Ziel bringen würde (nichts wird aufgegeben)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Since the previous close</source>
      <translation>Seit dem vorherigen Schlusskurs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Since the previous close; leaves out {symbols}: no previous close known (US listings have daily closes)</source>
      <translation>Seit dem vorherigen Schlusskurs; ohne {symbols}: kein vorheriger Schlusskurs bekannt (US-Werte haben tägliche Schlusskurse)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>on target</source>
      <translation>im Ziel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>buy {amount}</source>
      <translation>{amount} kaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>sell {amount}</source>
      <translation>{amount} verkaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Of the total shown above</source>
      <translation>Von der oben gezeigten Summe</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Each account is valued as the Accounts view values it and its cents shared among its holdings, so the classes add up to the total. A security nobody reported a class for is “Unclassified” until you classify it (Classify…).</source>
      <translation>Jedes Konto wird so bewertet wie in der Kontenansicht, und seine Cents werden auf seine Positionen verteilt, sodass die Klassen die Summe ergeben. Ein Wertpapier, für das niemand eine Klasse gemeldet hat, ist „Nicht eingeordnet“, bis Sie es einordnen (Einordnen…).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Health of the whole portfolio</source>
      <translation>Gesundheit des ganzen Portfolios</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Health: all within your limits</source>
      <translation>Gesundheit: alles in Ihren Grenzen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Health: ⚠ {count} rule over your limit</source>
      <translation>Gesundheit: ⚠ {count} Regel über Ihrer Grenze</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Health: ⚠ {count} rules over your limit</source>
      <translation>Gesundheit: ⚠ {count} Regeln über Ihrer Grenze</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{rule}: threshold</source>
      <translation>{rule}: Schwelle</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Flag it above this share of the portfolio</source>
      <translation>Über diesem Anteil am Portfolio markieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{rule} over</source>
      <translation>{rule} über</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Reading the allocation…</source>
      <translation>Die Allokation wird gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Split by</source>
      <translation>Aufteilen nach</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Allocation chart</source>
      <translation>Allokationsdiagramm</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Allocation</source>
      <translation>Allokation</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Holdings in the chosen class</source>
      <translation>Positionen der gewählten Klasse</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Choose a class (a slice or a row) to see its holdings.</source>
      <translation>Wählen Sie eine Klasse (ein Segment oder eine Zeile), um ihre Positionen zu sehen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Set target…</source>
      <translation>Ziel festlegen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>The share of the total you aim for in the chosen class</source>
      <translation>Der Anteil an der Summe, den Sie für die gewählte Klasse anstreben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Clear target</source>
      <translation>Ziel löschen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Classify…</source>
      <translation>Einordnen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Set the chosen holding's asset class, sector or country yourself</source>
      <translation>Anlageklasse, Branche oder Land der gewählten Position selbst festlegen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Trade…</source>
      <translation>Handeln…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Open a trade ticket for the chosen holding (you review it before anything is placed)</source>
      <translation>Ein Orderticket für die gewählte Position öffnen (Sie prüfen es, bevor etwas aufgegeben wird)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{institution} ({count} accounts)</source>
      <translation>{institution} ({count} Konten)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Through {provider} ({count} accounts)</source>
      <translation>Über {provider} ({count} Konten)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Nothing held yet. Holdings appear here after a sync, a CSV import or a manual account.</source>
      <translation>Noch nichts im Bestand. Positionen erscheinen hier nach einer Synchronisierung, einem CSV-Import oder einem manuellen Konto.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{total} by {split} · largest: {name}, {share}</source>
      <translation>{total} nach {split} · größte: {name}, {share}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>* The day change leaves out {symbols}: no previous close is known for it (US listings have daily closes).</source>
      <translation>* Die Tagesänderung lässt {symbols} aus: Dafür ist kein vorheriger Schlusskurs bekannt (US-Werte haben tägliche Schlusskurse).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>* The day change leaves out {symbols}: no previous close is known for them (US listings have daily closes).</source>
      <translation>* Die Tagesänderung lässt {symbols} aus: Für sie ist kein vorheriger Schlusskurs bekannt (US-Werte haben tägliche Schlusskurse).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Left out (no price or no exchange rate): {what}.</source>
      <translation>Ausgelassen (kein Kurs oder kein Wechselkurs): {what}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Targets add up to {share}, not 100%.</source>
      <translation>Die Ziele ergeben zusammen {share}, nicht 100 %.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{chosen}: {holdings}, {money}</source>
      <translation>{chosen}: {holdings}, {money}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{count} holding</source>
      <translation>{count} Position</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>{count} holdings</source>
      <translation>{count} Positionen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/allocation_view.py" />
      <source>Share of the total to aim for in {name} (%)</source>
      <translation>Angestrebter Anteil an der Summe für {name} (%)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>The brokerage did not accept the username or password.</source>
      <translation>Der Broker hat Benutzername oder Passwort nicht akzeptiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>The brokerage could not be reached. Try again later.</source>
      <translation>Der Broker war nicht erreichbar. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>The connection link expired. Start again.</source>
      <translation>Der Verbindungslink ist abgelaufen. Beginnen Sie von vorn.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>That login belongs to a different brokerage account than the one being reconnected.</source>
      <translation>Diese Anmeldung gehört zu einem anderen Brokerage-Konto als dem, das neu verbunden wird.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>This brokerage does not allow trading through SnapTrade; connect it read-only.</source>
      <translation>Dieser Broker erlaubt keinen Handel über SnapTrade; verbinden Sie ihn nur lesend.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>The security code was not accepted.</source>
      <translation>Der Sicherheitscode wurde nicht akzeptiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connection</source>
      <translation>Verbindung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Last sync</source>
      <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Problem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Reading the connections…</source>
      <translation>Die Verbindungen werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Brokerage (SnapTrade)</source>
      <translation>Broker (SnapTrade)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Brokerage</source>
      <translation>Broker</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Choose in the portal</source>
      <translation>Im Portal wählen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connect a brokerage…</source>
      <translation>Broker verbinden…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Brokerage:</source>
      <translation>Broker:</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Other accounts</source>
      <translation>Andere Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Link investments (Plaid)…</source>
      <translation>Anlagen verknüpfen (Plaid)…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Add Clera brokerage account (Alpaca)…</source>
      <translation>Clera-Brokerage-Konto hinzufügen (Alpaca)…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connections</source>
      <translation>Verbindungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Refresh</source>
      <translation>Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Reconnect…</source>
      <translation>Neu verbinden…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Remove…</source>
      <translation>Entfernen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>&lt;b&gt;Your connections&lt;/b&gt;</source>
      <translation>&lt;b&gt;Ihre Verbindungen&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connect a brokerage</source>
      <translation>Broker verbinden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connected. Syncing the new accounts…</source>
      <translation>Verbunden. Die neuen Konten werden synchronisiert…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Brokerage connected and synced.</source>
      <translation>Broker verbunden und synchronisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connection repaired and synced.</source>
      <translation>Verbindung repariert und synchronisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>The connection failed (SnapTrade error {code}).</source>
      <translation>Die Verbindung ist fehlgeschlagen (SnapTrade-Fehler {code}).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>No brokerage was connected.</source>
      <translation>Es wurde kein Broker verbunden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Link investment accounts</source>
      <translation>Anlagekonten verknüpfen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>No account was linked.</source>
      <translation>Es wurde kein Konto verknüpft.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Investment accounts linked and synced.</source>
      <translation>Anlagekonten verknüpft und synchronisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Connection repaired.</source>
      <translation>Verbindung repariert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Plaid has not finished linking yet. Try Refresh in a moment.</source>
      <translation>Plaid ist mit dem Verknüpfen noch nicht fertig. Versuchen Sie gleich Aktualisieren.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>{account} added and synced.</source>
      <translation>{account} hinzugefügt und synchronisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>{connection} refreshed.</source>
      <translation>{connection} aktualisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Remove connection</source>
      <translation>Verbindung entfernen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>Remove {row}? Its accounts disappear from your totals; their history and audit log stay.</source>
      <translation>{row} entfernen? Seine Konten verschwinden aus Ihren Summen; ihr Verlauf und das Prüfprotokoll bleiben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/connect_view.py" />
      <source>{connection} removed.</source>
      <translation>{connection} entfernt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Live value</source>
      <translation>Live-Wert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>In base currency</source>
      <translation>In Basiswährung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Note</source>
      <translation>Hinweis</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>no price yet for {symbols}</source>
      <translation>noch kein Kurs für {symbols}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>no rate from {currency} to the base currency: not in the total</source>
      <translation>kein Kurs von {currency} zur Basiswährung: nicht in der Summe</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source> and {count} more</source>
      <translation> und {count} weitere</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>not live: {symbols} (the live feed quotes US listings only; last synced price)</source>
      <translation>nicht live: {symbols} (der Live-Feed kennt nur US-Werte; zuletzt synchronisierter Kurs)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Your live value appears here once your accounts are synced and the first prices arrive.</source>
      <translation>Ihr Live-Wert erscheint hier, sobald Ihre Konten synchronisiert sind und die ersten Kurse eintreffen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Live prices streaming</source>
      <translation>Live-Kurse werden gestreamt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Stream unavailable: polling latest trades</source>
      <translation>Stream nicht verfügbar: letzte Trades werden abgefragt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>No live prices (add the Clera brokerage account for market data)</source>
      <translation>Keine Live-Kurse (fügen Sie das Clera-Brokerage-Konto für Marktdaten hinzu)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Line shown</source>
      <translation>Gezeigte Linie</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Accounts' live values</source>
      <translation>Live-Werte der Konten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Total value</source>
      <translation>Gesamtwert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>Day change not available (no previous close)</source>
      <translation>Tagesänderung nicht verfügbar (kein vorheriger Schlusskurs)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>{sign}{money} ({percent}) today</source>
      <translation>{sign}{money} ({percent}) heute</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>{source} · {count} symbols{stale}</source>
      <translation>{source} · {count} Symbole{stale}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source> (partial: no price for {symbols})</source>
      <translation> (teilweise: kein Kurs für {symbols})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/dashboard_view.py" />
      <source>{chosen}, live{partial}; the day change is for the whole portfolio only</source>
      <translation>{chosen}, live{partial}; die Tagesänderung gibt es nur für das ganze Portfolio</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>cost unknown</source>
      <translation>Kosten unbekannt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Sold</source>
      <translation>Verkauft</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Acquired</source>
      <translation>Erworben</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Tax</source>
      <translation>Steuer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Sheltered</source>
      <translation>Begünstigt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Taxable</source>
      <translation>Steuerpflichtig</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>In a tax-advantaged account: not in the taxable totals</source>
      <translation>In einem steuerbegünstigten Konto: nicht in den steuerpflichtigen Summen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Proceeds
({base})</source>
      <translation>Erlös
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Cost
({base})</source>
      <translation>Kosten
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Gain
({base})</source>
      <translation>Gewinn
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>{count} part</source>
      <translation>{count} Teil</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>{count} parts</source>
      <translation>{count} Teile</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>in tax-sheltered accounts (not taxed): {gain}</source>
      <translation>in steuerbegünstigten Konten (nicht versteuert): {gain}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Taxable total: {gain}</source>
      <translation>Steuerpflichtig gesamt: {gain}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Reading the lots and gains…</source>
      <translation>Posten und Gewinne werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Tax year</source>
      <translation>Steuerjahr</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Export CSV…</source>
      <translation>CSV exportieren…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Realised gains</source>
      <translation>Realisierte Gewinne</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>No sales in {year}.</source>
      <translation>Keine Verkäufe in {year}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Lots closed by {methods}; held more than {months} months is long-term (Settings). Each part's cost is converted at the rate of the day it was bought, its proceeds at the rate of the day it was sold.</source>
      <translation>Posten geschlossen nach {methods}; länger als {months} Monate gehalten ist langfristig (Einstellungen). Die Kosten jedes Teils werden zum Kurs des Kauftags umgerechnet, sein Erlös zum Kurs des Verkaufstags.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Export realised gains</source>
      <translation>Realisierte Gewinne exportieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Could not write {path}: {reason}. Choose another folder.</source>
      <translation>{path} konnte nicht geschrieben werden: {reason}. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/gains_view.py" />
      <source>Saved {count} sale parts and the totals to {path}.</source>
      <translation>{count} Verkaufsteile und die Summen in {path} gespeichert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Reading the holdings…</source>
      <translation>Die Positionen werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Filter by symbol or name</source>
      <translation>Nach Symbol oder Name filtern</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Filter holdings by symbol or name</source>
      <translation>Positionen nach Symbol oder Name filtern</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Open a trade ticket for the selected holding</source>
      <translation>Ein Orderticket für die gewählte Position öffnen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source> (known part {amount}; some prices or rates are missing)</source>
      <translation> (bekannter Teil {amount}; einige Kurse oder Wechselkurse fehlen)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>&lt;b&gt;{holdings}&lt;/b&gt; · Market value &lt;b&gt;{value}&lt;/b&gt;{note}</source>
      <translation>&lt;b&gt;{holdings}&lt;/b&gt; · Marktwert &lt;b&gt;{value}&lt;/b&gt;{note}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source> · Cash {cash} · {scope} &lt;b&gt;{total}&lt;/b&gt;</source>
      <translation> · Bargeld {cash} · {scope} &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>{provider} accounts</source>
      <translation>Konten bei {provider}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Portfolio</source>
      <translation>Portfolio</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Export holdings</source>
      <translation>Positionen exportieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Exported {count} holding to {path}</source>
      <translation>{count} Position nach {path} exportiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/holdings_view.py" />
      <source>Exported {count} holdings to {path}</source>
      <translation>{count} Positionen nach {path} exportiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Paid by</source>
      <translation>Gezahlt von</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Interest ({accounts})</source>
      <translation>Zinsen ({accounts})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Interest on the account's cash</source>
      <translation>Zinsen auf das Bargeld des Kontos</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Last 12 months
({base})</source>
      <translation>Letzte 12 Mon.
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Net: after the tax withheld and any fee</source>
      <translation>Netto: nach einbehaltener Steuer und Gebühren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Tax withheld
({base})</source>
      <translation>Einbeh. Steuer
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Next 12 months
({base})</source>
      <translation>Nächste 12 Mon.
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>no longer held</source>
      <translation>nicht mehr gehalten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>What it paid in the last twelve months, if still held</source>
      <translation>Was sie in den letzten zwölf Monaten gezahlt hat, falls noch gehalten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Payments</source>
      <translation>Zahlungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Last paid</source>
      <translation>Zuletzt gezahlt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Year</source>
      <translation>Jahr</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Gross
({base})</source>
      <translation>Brutto
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Tax
({base})</source>
      <translation>Steuer
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Tax withheld from the year's payments</source>
      <translation>Von den Zahlungen des Jahres einbehaltene Steuer</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Net
({base})</source>
      <translation>Netto
({base})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>{amount} the twelve months before</source>
      <translation>{amount} in den zwölf Monaten davor</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Last 12 months: {net} net, {tax} tax withheld · {versus} · next 12 months, projected: {projected}</source>
      <translation>Letzte 12 Monate: {net} netto, {tax} einbehaltene Steuer · {versus} · nächste 12 Monate, geschätzt: {projected}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Each account's payments of a day are converted together at that day's rate, as Performance counts them. The projection repeats what each holding still held (and each account's cash) paid in the last twelve months; no dividend announcements are known to the app.</source>
      <translation>Die Zahlungen eines Kontos an einem Tag werden zusammen zum Kurs dieses Tages umgerechnet, so wie die Performance sie zählt. Die Schätzung wiederholt, was jede noch gehaltene Position (und das Bargeld jedes Kontos) in den letzten zwölf Monaten gezahlt hat; Dividendenankündigungen kennt die App nicht.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>{count} payment left out of these totals: no {rates} rate (sync to fetch rates).</source>
      <translation>{count} Zahlung nicht in diesen Summen: kein Kurs {rates} (synchronisieren, um Kurse abzurufen).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>{count} payments left out of these totals: no {rates} rate (sync to fetch rates).</source>
      <translation>{count} Zahlungen nicht in diesen Summen: kein Kurs {rates} (synchronisieren, um Kurse abzurufen).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Reading the dividends and interest…</source>
      <translation>Dividenden und Zinsen werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Income by month</source>
      <translation>Erträge nach Monat</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Income by source</source>
      <translation>Erträge nach Quelle</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>Income by year</source>
      <translation>Erträge nach Jahr</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/income_view.py" />
      <source>No dividends or interest recorded yet. They appear here after a sync or a CSV import.</source>
      <translation>Noch keine Dividenden oder Zinsen erfasst. Sie erscheinen hier nach einer Synchronisierung oder einem CSV-Import.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/key_setup.py" />
      <source>&lt;b&gt;Brokerages (SnapTrade)&lt;/b&gt;: a &lt;i&gt;client ID&lt;/i&gt; and a &lt;i&gt;consumer key&lt;/i&gt; from &lt;a href='https://dashboard.snaptrade.com'&gt;dashboard.snaptrade.com&lt;/a&gt; (API keys). A personal key connects your own accounts; a commercial one is for an app with many users. Trading needs a connection with trading access, chosen when you connect.</source>
      <translation>&lt;b&gt;Broker (SnapTrade)&lt;/b&gt;: eine &lt;i&gt;Client-ID&lt;/i&gt; und ein &lt;i&gt;Consumer-Schlüssel&lt;/i&gt; von &lt;a href='https://dashboard.snaptrade.com'&gt;dashboard.snaptrade.com&lt;/a&gt; (API keys). Ein persönlicher Schlüssel verbindet Ihre eigenen Konten; ein kommerzieller ist für eine App mit vielen Nutzern. Handel braucht eine Verbindung mit Handelszugriff, gewählt beim Verbinden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/key_setup.py" />
      <source>&lt;b&gt;Other investment accounts (Plaid, read-only)&lt;/b&gt;: a &lt;i&gt;client ID&lt;/i&gt; and a &lt;i&gt;secret&lt;/i&gt; from &lt;a href='https://dashboard.plaid.com/developers/keys'&gt;dashboard.plaid.com&lt;/a&gt;; choose Production for real institutions (Sandbox only shows Plaid's test banks).</source>
      <translation>&lt;b&gt;Andere Anlagekonten (Plaid, nur lesend)&lt;/b&gt;: eine &lt;i&gt;Client-ID&lt;/i&gt; und ein &lt;i&gt;Secret&lt;/i&gt; von &lt;a href='https://dashboard.plaid.com/developers/keys'&gt;dashboard.plaid.com&lt;/a&gt;; wählen Sie Produktion für echte Institute (die Sandbox zeigt nur Plaids Testbanken).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/key_setup.py" />
      <source>&lt;b&gt;The Clera brokerage account (Alpaca)&lt;/b&gt;: an &lt;i&gt;API key ID&lt;/i&gt; and a &lt;i&gt;secret key&lt;/i&gt; from &lt;a href='https://app.alpaca.markets'&gt;app.alpaca.markets&lt;/a&gt;; paper keys trade practice money, live keys real money (the app asks twice before a live order).</source>
      <translation>&lt;b&gt;Das Clera-Brokerage-Konto (Alpaca)&lt;/b&gt;: eine &lt;i&gt;API-Schlüssel-ID&lt;/i&gt; und ein &lt;i&gt;geheimer Schlüssel&lt;/i&gt; von &lt;a href='https://app.alpaca.markets'&gt;app.alpaca.markets&lt;/a&gt;; Papier-Schlüssel handeln mit Übungsgeld, Live-Schlüssel mit echtem Geld (die App fragt vor einer Live-Order zweimal).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/key_setup.py" />
      <source>&lt;b&gt;Set up your connections&lt;/b&gt; — Clera Desktop talks to each provider with your own API keys. Keys are kept in the system keyring, never in the database or the log.</source>
      <translation>&lt;b&gt;Richten Sie Ihre Verbindungen ein&lt;/b&gt; — Clera Desktop spricht mit jedem Anbieter über Ihre eigenen API-Schlüssel. Schlüssel werden im Schlüsselbund des Systems gespeichert, nie in der Datenbank oder im Protokoll.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/key_setup.py" />
      <source>Enter API keys…</source>
      <translation>API-Schlüssel eingeben…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Cost / share</source>
      <translation>Kosten / Aktie</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Held</source>
      <translation>Gehalten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Unknown</source>
      <translation>Unbekannt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>If sold today</source>
      <translation>Bei Verkauf heute</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>No purchase on record</source>
      <translation>Kein Kauf erfasst</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Choose an account under a holding to see its lots.</source>
      <translation>Wählen Sie ein Konto unter einer Position, um seine Posten zu sehen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Open lots</source>
      <translation>Offene Posten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>{symbol} in {account}: {lots}, closed {method}; amounts in {currency}</source>
      <translation>{symbol} in {account}: {lots}, geschlossen nach {method}; Beträge in {currency}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>{count} open lot</source>
      <translation>{count} offener Posten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>{count} open lots</source>
      <translation>{count} offene Posten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Cost from your activities: {cost} (an account kept by hand: no brokerage to compare with).</source>
      <translation>Kosten aus Ihren Buchungen: {cost} (ein von Hand geführtes Konto: kein Broker zum Vergleich).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Cost from your activities: {cost}. The brokerage reports no cost basis in {currency} to compare.</source>
      <translation>Kosten aus Ihren Buchungen: {cost}. Der Broker meldet keinen Einstandswert in {currency} zum Vergleich.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Cost from your activities: {cost}, the same as the brokerage reports.</source>
      <translation>Kosten aus Ihren Buchungen: {cost}, dasselbe, was der Broker meldet.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>Cost from your activities: {cost} · the brokerage's: {theirs} · difference {difference}.</source>
      <translation>Kosten aus Ihren Buchungen: {cost} · die des Brokers: {theirs} · Differenz {difference}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>{day}: {quantity} shares, cost {cost}</source>
      <translation>{day}: {quantity} Aktien, Kosten {cost}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>day unknown</source>
      <translation>Tag unbekannt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>; and {count} more</source>
      <translation>; und {count} weitere</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>They are the same as the lots above.</source>
      <translation>Sie stimmen mit den Posten oben überein.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>They differ from the lots above (another method, or history the activities do not show).</source>
      <translation>Sie weichen von den Posten oben ab (eine andere Methode oder eine Vorgeschichte, die die Buchungen nicht zeigen).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/lots_panel.py" />
      <source>The brokerage's own lots ({count}): {lots}{more}. {verdict}</source>
      <translation>Die eigenen Posten des Brokers ({count}): {lots}{more}. {verdict}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Submitted</source>
      <translation>Übermittelt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Limit</source>
      <translation>Limit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Stop</source>
      <translation>Stopp</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Reason</source>
      <translation>Grund</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>When</source>
      <translation>Wann</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>What</source>
      <translation>Was</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Reading the orders…</source>
      <translation>Die Orders werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Cancel order…</source>
      <translation>Order stornieren…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Check status</source>
      <translation>Status prüfen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Audit log</source>
      <translation>Prüfprotokoll</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Every preview, order, cancel and rejection made from this app.</source>
      <translation>Jede Vorschau, Order, Stornierung und Ablehnung aus dieser App.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>{open_count} open · {orders}</source>
      <translation>{open_count} offen · {orders}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>{count} order</source>
      <translation>{count} Order</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>{count} orders</source>
      <translation>{count} Orders</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>No orders yet.</source>
      <translation>Noch keine Orders.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Close ticket…</source>
      <translation>Ticket schließen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Filled: {symbols}. Holdings updated.</source>
      <translation>Ausgeführt: {symbols}. Positionen aktualisiert.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Cancel order</source>
      <translation>Order stornieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Cancel the {side} order for {quantity} {symbol} in {account_name}?</source>
      <translation>Die {side}-Order über {quantity} {symbol} in {account_name} stornieren?</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Keep order</source>
      <translation>Order behalten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Close ticket</source>
      <translation>Ticket schließen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>The brokerage never confirmed the {side} ticket for {quantity} {symbol} in {account_name}, and the app found no such order there. Close the ticket? If the order did reach the brokerage, it appears at the next sync.</source>
      <translation>Der Broker hat das {side}-Ticket über {quantity} {symbol} in {account_name} nie bestätigt, und die App hat dort keine solche Order gefunden. Das Ticket schließen? Falls die Order den Broker doch erreicht hat, erscheint sie bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Keep it open</source>
      <translation>Offen lassen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Order {order} is {status}.</source>
      <translation>Order {order} ist {status}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Export audit log</source>
      <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/orders_view.py" />
      <source>Exported {count} audit entries to {path}</source>
      <translation>{count} Protokolleinträge nach {path} exportiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Start value + net deposits</source>
      <translation>Anfangswert + Nettoeinzahlungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Net deposits</source>
      <translation>Nettoeinzahlungen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Realised</source>
      <translation>Realisiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Unrealised</source>
      <translation>Nicht realisiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Income</source>
      <translation>Erträge</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Fees · taxes</source>
      <translation>Gebühren · Steuern</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Time-weighted</source>
      <translation>Zeitgewichtet</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Money-weighted</source>
      <translation>Geldgewichtet</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Value at the end, less value at the start, less net deposits: what the market, income, fees and taxes made.</source>
      <translation>Wert am Ende, abzüglich Wert am Anfang, abzüglich Nettoeinzahlungen: was Markt, Erträge, Gebühren und Steuern bewirkt haben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Dividends and interest, gross (before the fees and taxes withheld from them).</source>
      <translation>Dividenden und Zinsen, brutto (vor den davon einbehaltenen Gebühren und Steuern).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>What the range's sales realised: proceeds less the cost of the lots they closed (each account's method; costs at the buy day's rate, proceeds at the sale day's).</source>
      <translation>Was die Verkäufe im Zeitraum realisiert haben: Erlös abzüglich der Kosten der geschlossenen Posten (Methode jedes Kontos; Kosten zum Kurs des Kauftags, Erlös zu dem des Verkaufstags).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>How much the open lots' gain (value less cost) grew or shrank over the range. Realised + unrealised + income - fees - taxes is the gain, where every cost, price and rate is known and no shares were transferred; the rest (currency moves on cash, shares from before the first activity, transfers) is said beside it.</source>
      <translation>Wie stark der Gewinn der offenen Posten (Wert abzüglich Kosten) im Zeitraum gewachsen oder geschrumpft ist. Realisiert + nicht realisiert + Erträge − Gebühren − Steuern ist der Gewinn, wenn jeder Einstand, Kurs und Wechselkurs bekannt ist und keine Aktien übertragen wurden; der Rest (Währungsbewegungen auf Bargeld, Aktien von vor der ersten Buchung, Überträge) steht daneben.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Fees (less refunds) and taxes (paid or withheld, less refunds) in the range.</source>
      <translation>Gebühren (abzüglich Erstattungen) und Steuern (gezahlt oder einbehalten, abzüglich Erstattungen) im Zeitraum.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>The return of the money invested, whatever was added or taken out when: each day's return, linked. {timing} The yearly rate is shown for ranges of a year or more.</source>
      <translation>Die Rendite des investierten Geldes, gleich wann etwas hinzugefügt oder entnommen wurde: die Rendite jedes Tages, verkettet. {timing} Der Jahreswert wird für Zeiträume ab einem Jahr gezeigt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>The rate your own deposits and withdrawals earned (internal rate of return, as Excel's XIRR). For a range under a year it is the range's own return, not a yearly rate. {timing}</source>
      <translation>Der Zinssatz, den Ihre eigenen Ein- und Auszahlungen erzielt haben (interner Zinsfuß, wie XINTZINSFUSS in Excel). Für einen Zeitraum unter einem Jahr ist es die Rendite des Zeitraums, kein Jahreswert. {timing}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>A symbol's daily closes, or a blend rebalanced daily to its mix (SPY 60, AGG 40), in the base currency. Its time-weighted return is drawn beside yours with “Return %”; the value line shows what the portfolio's value at the start and every deposit and withdrawal would have made in it instead (in at the start of its day, out at the end, as your return counts them).</source>
      <translation>Die täglichen Schlusskurse eines Symbols oder eine täglich auf ihre Mischung (SPY 60, AGG 40) umgeschichtete Kombination, in der Basiswährung. Ihre zeitgewichtete Rendite wird mit „Rendite %“ neben Ihrer gezeichnet; die Wertlinie zeigt, was der Wert des Portfolios am Anfang und jede Ein- und Auszahlung stattdessen darin erzielt hätten (hinein zu Beginn ihres Tages, hinaus an seinem Ende, wie Ihre Rendite sie zählt).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>{benchmark}: no daily closes for {symbols} in this range (US listings come with the history update when Alpaca is connected; import a prices CSV for others).</source>
      <translation>{benchmark}: keine täglichen Schlusskurse für {symbols} in diesem Zeitraum (US-Werte kommen mit der Verlaufsaktualisierung, wenn Alpaca verbunden ist; für andere importieren Sie eine Kurs-CSV).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>{benchmark}: nothing to compare in this range.</source>
      <translation>{benchmark}: in diesem Zeitraum nichts zu vergleichen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>not defined</source>
      <translation>nicht definiert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>{benchmark}: {twr} time-weighted (yours {yours})</source>
      <translation>{benchmark}: {twr} zeitgewichtet (Ihre {yours})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>had every deposit bought it: {end}, a gain of {gain} (yours {yours})</source>
      <translation>hätte jede Einzahlung ihn gekauft: {end}, ein Gewinn von {gain} (Ihrer {yours})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>money-weighted {mwr} (yours {yours})</source>
      <translation>geldgewichtet {mwr} (Ihre {yours})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>from {day}, its first close in the range</source>
      <translation>ab {day}, seinem ersten Schlusskurs im Zeitraum</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Volatility {percent} a year</source>
      <translation>Volatilität {percent} pro Jahr</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>, made good {day}</source>
      <translation>, aufgeholt am {day}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>, not yet made good</source>
      <translation>, noch nicht aufgeholt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>deepest fall {percent} ({peak} to {trough}{back})</source>
      <translation>tiefster Rückgang {percent} ({peak} bis {trough}{back})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>best day {best} ({best_day}), worst {worst} ({worst_day})</source>
      <translation>bester Tag {best} ({best_day}), schlechtester {worst} ({worst_day})</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Daily values rebuilt from activities and daily closes; external flows are deposits, withdrawals and transfers.</source>
      <translation>Tageswerte, neu berechnet aus Buchungen und täglichen Schlusskursen; externe Flüsse sind Einzahlungen, Auszahlungen und Überträge.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>…and {count} more note: point here to read it.</source>
      <translation>…und {count} weiterer Hinweis: Zeigen Sie hierher, um ihn zu lesen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>…and {count} more notes: point here to read them.</source>
      <translation>…und {count} weitere Hinweise: Zeigen Sie hierher, um sie zu lesen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Reading the daily values and returns…</source>
      <translation>Tageswerte und Renditen werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Custom</source>
      <translation>Eigener</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Daily returns linked as the time-weighted return links them: deposits and withdrawals are not gains or losses. Volatility is over trading days, annualised (x sqrt 252).</source>
      <translation>Tägliche Renditen, verkettet wie bei der zeitgewichteten Rendite: Ein- und Auszahlungen sind weder Gewinne noch Verluste. Die Volatilität bezieht sich auf Handelstage, annualisiert (x √252).</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Return %</source>
      <translation>Rendite %</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>The time-weighted return since the range began, instead of the value</source>
      <translation>Die zeitgewichtete Rendite seit Beginn des Zeitraums statt des Werts</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Money in</source>
      <translation>Eingezahlt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>A dashed line: the value at the start of the range plus the money brought in since, less the money taken out; what it would be worth with no gain. Its gap to the value is the range's gain.</source>
      <translation>Eine gestrichelte Linie: der Wert zu Beginn des Zeitraums plus das seitdem eingezahlte Geld, abzüglich des entnommenen; was es ohne Gewinn wert wäre. Ihr Abstand zum Wert ist der Gewinn des Zeitraums.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Compare with: SPY, or SPY 60, AGG 40</source>
      <translation>Vergleichen mit: SPY oder SPY 60, AGG 40</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Benchmark</source>
      <translation>Vergleichsindex</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>unknown</source>
      <translation>unbekannt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Unknown: {symbols} hold lots of unknown cost, price or rate.</source>
      <translation>Unbekannt: {symbols} haben Posten mit unbekannten Kosten, Kursen oder Wechselkursen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>This range: {amount} of the gain is from currency moves, transfers or shares held before the first activity.</source>
      <translation>Dieser Zeitraum: {amount} des Gewinns stammen aus Währungsbewegungen, Überträgen oder Aktien, die vor der ersten Buchung gehalten wurden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source> ({percent} a year)</source>
      <translation> ({percent} pro Jahr)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Not defined here: {reason}.</source>
      <translation>Hier nicht definiert: {reason}.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Money-weighted (yearly)</source>
      <translation>Geldgewichtet (jährlich)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Money-weighted (this range)</source>
      <translation>Geldgewichtet (dieser Zeitraum)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>The total leaves out {accounts}: no exchange rate {pairs} is known. Import one (File › Import CSV, exchange rates) to count them in.</source>
      <translation>Die Summe lässt {accounts} aus: Kein Wechselkurs {pairs} ist bekannt. Importieren Sie einen (Datei › CSV importieren, Wechselkurse), um sie mitzuzählen.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>{amount} cash</source>
      <translation>{amount} Bargeld</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>{account}: activities do not explain {what}{more}; shown as held since history starts ({day}) and counted as money brought in then.</source>
      <translation>{account}: Die Buchungen erklären {what}{more} nicht; gezeigt als gehalten seit Beginn des Verlaufs ({day}) und damals als eingezahltes Geld gezählt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>One account</source>
      <translation>Ein Konto</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>No daily closes for {symbols}: valued at the account's own trade prices. Import prices (CSV) to correct that.</source>
      <translation>Keine täglichen Schlusskurse für {symbols}: bewertet zu den eigenen Handelskursen des Kontos. Importieren Sie Kurse (CSV), um das zu korrigieren.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>No daily values in this range: choose a longer one, or add activities.</source>
      <translation>Keine Tageswerte in diesem Zeitraum: Wählen Sie einen längeren oder fügen Sie Buchungen hinzu.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Benchmark: {benchmark}</source>
      <translation>Vergleichsindex: {benchmark}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/performance_view.py" />
      <source>Benchmark: had every deposit bought {benchmark}</source>
      <translation>Vergleichsindex: hätte jede Einzahlung {benchmark} gekauft</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Market</source>
      <translation>Bestens</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Stop-limit</source>
      <translation>Stop-Limit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Day</source>
      <translation>Tag</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Good till canceled</source>
      <translation>Gültig bis Widerruf</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Immediate or cancel</source>
      <translation>Sofort oder stornieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Fill or kill</source>
      <translation>Ganz oder gar nicht</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>At the open</source>
      <translation>Zur Eröffnung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>At the close</source>
      <translation>Zum Schluss</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Reading the accounts that can trade…</source>
      <translation>Die handelsfähigen Konten werden gelesen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Symbol, e.g. AAPL</source>
      <translation>Symbol, z. B. AAPL</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Buy</source>
      <translation>Kaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Sell</source>
      <translation>Verkaufen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Amount in</source>
      <translation>Betrag in</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Cash amount</source>
      <translation>Geldbetrag</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Time in force</source>
      <translation>Gültigkeit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Review order…</source>
      <translation>Order prüfen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Order ticket</source>
      <translation>Orderticket</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Before you send it</source>
      <translation>Bevor Sie sie senden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>{label} · cash {cash}</source>
      <translation>{label} · Bargeld {cash}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>{label} — cannot trade</source>
      <translation>{label} — kann nicht handeln</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>No account can trade yet: connect a brokerage with trading access, or add the Clera brokerage account, in Connect.</source>
      <translation>Noch kann kein Konto handeln: Verbinden Sie einen Broker mit Handelszugriff oder fügen Sie das Clera-Brokerage-Konto hinzu, unter Verbinden.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>You chose {label}.</source>
      <translation>Sie haben {label} gewählt.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Fetching the latest quote…</source>
      <translation>Der letzte Kurs wird abgerufen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source> · holds &lt;b&gt;{quantity} {symbol}&lt;/b&gt;</source>
      <translation> · hält &lt;b&gt;{quantity} {symbol}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source> (live)</source>
      <translation> (live)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>&lt;b&gt;{account}&lt;/b&gt;{kind}&lt;br&gt;Cash &lt;b&gt;{cash}&lt;/b&gt; · buying power &lt;b&gt;{buying_power}&lt;/b&gt;{held}</source>
      <translation>&lt;b&gt;{account}&lt;/b&gt;{kind}&lt;br&gt;Bargeld &lt;b&gt;{cash}&lt;/b&gt; · Kaufkraft &lt;b&gt;{buying_power}&lt;/b&gt;{held}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>{symbol}: bid {bid} · ask {ask} · last &lt;b&gt;{last}&lt;/b&gt;&lt;br&gt;&lt;span style='color:gray'&gt;{source}{when}&lt;/span&gt;</source>
      <translation>{symbol}: Geld {bid} · Brief {ask} · zuletzt &lt;b&gt;{last}&lt;/b&gt;&lt;br&gt;&lt;span style='color:gray'&gt;{source}{when}&lt;/span&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>No quote available for this symbol.</source>
      <translation>Für dieses Symbol ist kein Kurs verfügbar.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Estimated cost: not available</source>
      <translation>Geschätzte Kosten: nicht verfügbar</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Estimated proceeds: not available</source>
      <translation>Geschätzter Erlös: nicht verfügbar</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Estimated cost: &lt;b&gt;{money}&lt;/b&gt;</source>
      <translation>Geschätzte Kosten: &lt;b&gt;{money}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Estimated proceeds: &lt;b&gt;{money}&lt;/b&gt;</source>
      <translation>Geschätzter Erlös: &lt;b&gt;{money}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>(app estimate from the latest quote, before commission)</source>
      <translation>(Schätzung der App aus dem letzten Kurs, vor Provision)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Choose an account that can trade.</source>
      <translation>Wählen Sie ein Konto, das handeln kann.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/trade_view.py" />
      <source>Asking the brokerage to check the order…</source>
      <translation>Der Broker wird gebeten, die Order zu prüfen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>&lt;h1&gt;Welcome to Clera Desktop&lt;/h1&gt;</source>
      <translation>&lt;h1&gt;Willkommen bei Clera Desktop&lt;/h1&gt;</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>Every brokerage account in one window, live and correct to the cent.</source>
      <translation>Jedes Brokerage-Konto in einem Fenster, live und auf den Cent genau.</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>Connect a brokerage (SnapTrade)</source>
      <translation>Broker verbinden (SnapTrade)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>Link investment accounts (Plaid)</source>
      <translation>Anlagekonten verknüpfen (Plaid)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>Add the Clera brokerage account (Alpaca)</source>
      <translation>Das Clera-Brokerage-Konto hinzufügen (Alpaca)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/views/welcome_view.py" />
      <source>Try the demo</source>
      <translation>Demo ausprobieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/welcome_flow.py" />
      <source>Starting the demo in a new window…</source>
      <translation>Die Demo startet in einem neuen Fenster…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Refresh</source>
      <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Export holdings…</source>
      <translation>Positionen e&amp;xportieren…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Settings…</source>
      <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Import CSV…</source>
      <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>Add &amp;manual account…</source>
      <translation>&amp;Manuelles Konto hinzufügen…</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;About Clera Desktop</source>
      <translation>Ü&amp;ber Clera Desktop</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>Open &amp;log folder</source>
      <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>Main toolbar</source>
      <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>&amp;Appearance</source>
      <translation>&amp;Darstellung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>About Clera Desktop</source>
      <translation>Über Clera Desktop</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_menus.py" />
      <source>Clera Desktop {version}
Every brokerage account in one window.
Data folder: {folder}</source>
      <translation>Clera Desktop {version}
Jedes Brokerage-Konto in einem Fenster.
Datenordner: {folder}</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_views.py" />
      <source>Dashboard</source>
      <translation>Übersicht</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_views.py" />
      <source>Gains</source>
      <translation>Gewinne</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_views.py" />
      <source>Trade</source>
      <translation>Handel</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/window_views.py" />
      <source>Connect</source>
      <translation>Verbinden</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Asset class</source>
      <translation>Anlageklasse</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Sector</source>
      <translation>Branche</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Institution</source>
      <translation>Institut</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Stocks</source>
      <translation>Aktien</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>ETFs</source>
      <translation>ETFs</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Mutual funds</source>
      <translation>Investmentfonds</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Bonds</source>
      <translation>Anleihen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Options</source>
      <translation>Optionen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Crypto</source>
      <translation>Krypto</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>First in, first out (FIFO)</source>
      <translation>First in, first out (FIFO)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Last in, first out (LIFO)</source>
      <translation>Last in, first out (LIFO)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Highest cost first (HIFO)</source>
      <translation>Höchste Kosten zuerst (HIFO)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Average cost</source>
      <translation>Durchschnittskosten</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Short-term</source>
      <translation>Kurzfristig</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Long-term</source>
      <translation>Langfristig</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Unknown (no purchase on record)</source>
      <translation>Unbekannt (kein Kauf erfasst)</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Unclassified</source>
      <translation>Nicht eingeordnet</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>One position</source>
      <translation>Eine Position</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>One institution</source>
      <translation>Ein Institut</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>One currency</source>
      <translation>Eine Währung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Short</source>
      <translation>Kurz</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Long</source>
      <translation>Lang</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Dividend</source>
      <translation>Dividende</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Interest</source>
      <translation>Zinsen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Deposit</source>
      <translation>Einzahlung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Withdrawal</source>
      <translation>Auszahlung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Split</source>
      <translation>Split</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Transfer In</source>
      <translation>Übertrag ein</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Transfer Out</source>
      <translation>Übertrag aus</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Refund</source>
      <translation>Erstattung</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Other</source>
      <translation>Sonstiges</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Stop Limit</source>
      <translation>Stop-Limit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Stop-Limit</source>
      <translation>Stop-Limit</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Pending</source>
      <translation>Ausstehend</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Accepted</source>
      <translation>Angenommen</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Partially Filled</source>
      <translation>Teilweise ausgeführt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Canceled</source>
      <translation>Storniert</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Rejected</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <location filename="../../clera_desktop/ui/words.py" />
      <source>Expired</source>
      <translation>Abgelaufen</translation>
    </message>
  </context>
</TS>
