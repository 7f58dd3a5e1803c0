package extract

import (
	"os"
	"strings"
)

var offs = os.Getenv("XOFF")

func off(n string) bool { return offs != "" && strings.Contains(","+offs+",", ","+n+",") }
