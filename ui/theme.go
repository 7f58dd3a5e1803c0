package ui

import (
	"image/color"
	"strconv"
	"strings"

	"dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices of View ▸ Theme, as stored in the preferences.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// variantTheme is Fyne's default theme held to one variant, whatever the
// system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// themeFor returns the theme of a choice: the default theme, which follows
// the system (and FYNE_THEME), or one held light or dark.
func themeFor(choice string) fyne.Theme {
	switch choice {
	case ThemeLight:
		return variantTheme{theme.DefaultTheme(), theme.VariantLight}
	case ThemeDark:
		return variantTheme{theme.DefaultTheme(), theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// hexColor parses "#rrggbb" into a colour, falling back to the first colour
// of the palette for anything else.
func hexColor(s string) color.NRGBA {
	s = strings.TrimPrefix(s, "#")
	if v, err := strconv.ParseUint(s, 16, 32); err == nil && len(s) == 6 {
		return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
	}
	if s != strings.TrimPrefix(dossier.Palette[0], "#") {
		return hexColor(dossier.Palette[0])
	}
	return color.NRGBA{0x4e, 0x79, 0xa7, 0xff}
}

// tagColors maps tag paths (lower case) to their colours: a tag without
// one of its own takes its nearest ancestor's, else a palette colour chosen
// by its name, so that one tag looks the same everywhere.
type tagColors map[string]string

func newTagColors(tags []TagCount) tagColors {
	c := tagColors{}
	for _, t := range tags {
		if t.Color != "" {
			c[strings.ToLower(t.Path)] = t.Color
		}
	}
	return c
}

// of returns the colour of a tag as "#RRGGBB".
func (c tagColors) of(tag string) string {
	low := strings.ToLower(tag)
	for p := low; p != ""; p = dossier.TagParent(p) {
		if col, ok := c[p]; ok {
			return col
		}
	}
	h := uint32(2166136261)
	for i := 0; i < len(low); i++ {
		h = (h ^ uint32(low[i])) * 16777619
	}
	return dossier.Palette[h%uint32(len(dossier.Palette))]
}
