// Package ingest turns files and folders into dossier Articles: it decodes
// and normalises text, reads the seed format, plain text and Markdown, HTML
// pages, and tables (CSV, TSV, JSON, JSON Lines), and runs the import
// pipeline that both the command line and the GUI call.
//
// Three levels, from the bottom:
//
//   - Normalize and Decode make any bytes into the stored body form (valid
//     UTF-8, NFC, "\n" line endings, one blank line between paragraphs).
//   - ParseFile turns one file's bytes into articles and problems; it does no
//     I/O, so the GUI (drag and drop) and tests can call it directly.
//   - Importer walks paths or an fs.FS, parses files concurrently, and saves
//     the articles in a deterministic order, in batches, through a
//     dossier.ArticleSaver: one transaction per batch.
//
// Bad input never stops an import: every file or row that cannot be read
// becomes a Problem in the Report and the rest goes on. Only a failing saver
// or a cancelled context ends an import early.
package ingest
