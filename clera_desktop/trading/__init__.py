"""Manual trade tickets: routing, validation, preview -> confirm -> place once, tracking, audit."""
