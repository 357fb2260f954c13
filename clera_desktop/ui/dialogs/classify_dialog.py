"""Classify one security: its asset class, sector and country, each either what the providers
report or the person's own choice (a new name joins the taxonomy). What the providers said stays
beside each field, so going back to it is one click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from clera_desktop.portfolio.classification import EDITABLE, UNCLASSIFIED, Classification, Dimension
from clera_desktop.services.allocation import SecurityClasses
from clera_desktop.ui.i18n import tr, translatable

AS_REPORTED = translatable("As the providers report it")


def value_of(classes: Classification, dimension: Dimension) -> str | None:
    return {Dimension.ASSET_CLASS: classes.asset_class, Dimension.SECTOR: classes.sector,
            Dimension.COUNTRY: classes.country}[dimension]


class ClassifyDialog(QDialog):
    # Dimension -> name, or None: back to what the providers report. An object, not a dict: Qt would
    # carry a dict as a QVariantMap, its Dimension keys turned into plain strings on the way.
    chosen = Signal(object)

    def __init__(self, classes: SecurityClasses, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Classify {symbol}").format(symbol=classes.symbol))
        self.classes = classes
        self.fields: dict[Dimension, QComboBox] = {}
        form = QFormLayout()
        for dimension in EDITABLE:
            field = QComboBox()
            field.setEditable(True)
            field.setAccessibleName(dimension.label)
            reported = value_of(classes.reported, dimension)
            field.addItem(f"{tr(AS_REPORTED)} ({reported or UNCLASSIFIED})", None)
            for name in classes.offered[dimension]:
                field.addItem(name, name)
            if dimension in classes.current.chosen:
                current = value_of(classes.current, dimension) or ""
                found = field.findData(current)
                if found < 0:
                    field.addItem(current, current)
                    found = field.count() - 1
                field.setCurrentIndex(found)
            else:
                field.setCurrentIndex(0)
            form.addRow(dimension.label, field)
            self.fields[dimension] = field
        note = QLabel(tr("Your classes are kept apart from what the providers report: a sync never changes them. Type a "
                         "new name to add a class. The region follows the country."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choices(self) -> dict[Dimension, str | None]:
        """Each field's choice: None where it says "as the providers report it"."""
        chosen: dict[Dimension, str | None] = {}
        for dimension, field in self.fields.items():
            text = field.currentText().strip()
            index = field.findText(text)
            if index == 0 or not text:
                chosen[dimension] = None
            else:
                chosen[dimension] = text
        return chosen

    def accept(self) -> None:
        self.chosen.emit(self.choices())
        super().accept()
