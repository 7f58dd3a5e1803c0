// Package dossier is the domain of Dossier, a desktop research notebook for
// studying a body of news: articles, the passages a researcher tags, the
// quotations and reported figures found in the text, and the services that
// store and search them. It imports only the standard library; the packages
// below it (store, ingest, extract, search, export, ui) implement its
// interfaces, and cmd/dossier wires them together.
//
// Conventions every package relies on (see DESIGN.md):
//   - an article body is stored normalised: valid UTF-8, NFC, "\n" line
//     endings, no trailing spaces, paragraphs separated by one blank line;
//   - every offset into a body counts runes (code points), not bytes.
package dossier
