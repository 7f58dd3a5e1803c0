// Package seeds embeds the default notebook: five articles on the 2021–22
// buildup of Russian troops around Ukraine, in the seed format (a first line
// " date YYYY-MM-DD " then the text; one file has no header).
package seeds

import "embed"

// FS holds the seed articles as *.txt at its root.
//
//go:embed *.txt
var FS embed.FS
