package ui

import (
	"image/color"
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
	if c, ok := rgbFromHex(s); ok {
		return c
	}
	c, _ := rgbFromHex(dossier.Palette[0])
	return c
}

// rgbFromHex parses "#rrggbb"; ok is false for anything else.
func rgbFromHex(s string) (c color.NRGBA, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return color.NRGBA{}, false
	}
	var v [3]uint8
	for i := range 3 {
		hi, ok1 := hexDigit(s[2*i])
		lo, ok2 := hexDigit(s[2*i+1])
		if !ok1 || !ok2 {
			return color.NRGBA{}, false
		}
		v[i] = hi<<4 | lo
	}
	return color.NRGBA{R: v[0], G: v[1], B: v[2], A: 0xff}, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
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
