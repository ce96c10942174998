/* Philox4x32-10 (placeholder) */
