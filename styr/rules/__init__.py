"""Rules: one module per rule (or small family of rules); the catalogue lists them all."""
