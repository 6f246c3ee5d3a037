// Public surface of @fact/factoring-export.
