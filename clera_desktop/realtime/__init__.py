"""Live portfolio value: held symbols -> market-data stream -> live prices -> live valuation."""
