// Package migrations holds the goose SQL migrations that create the edgar
// schema, embedded so that the binary can migrate a database by itself.
package migrations

import "embed"

// FS holds the migration files (*.sql) at its root, in goose's
// NNNNN_name.sql naming; pass it to goose.NewProvider as is.
//
//go:embed *.sql
var FS embed.FS
