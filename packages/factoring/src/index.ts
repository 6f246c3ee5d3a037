// Public surface of @fact/factoring. Every export is named.
