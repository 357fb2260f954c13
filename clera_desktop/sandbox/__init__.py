"""The offline sandbox: SnapTrade, Plaid, Alpaca and FX rates imitated on a loopback port."""
