package exec

import "github.com/airlockhq/airlock/internal/tokens"

// CountTokens counts s in o200k tokens, the tokenizer of current models.
func CountTokens(s string) int { return tokens.Count(s) }
