package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// PassageColumns and QuoteColumns are the header rows of the CSV export.
var (
	PassageColumns = []string{"article", "date", "outlet", "speaker", "tags", "text", "note", "start", "end"}
	QuoteColumns   = []string{"article", "date", "outlet", "speaker", "role", "tags", "text", "mention", "start", "end"}
)

// WriteCSV writes one row a passage to passages and one a quotation to
// quotes (either may be nil): RFC 4180 with "\r\n" row ends, UTF-8 with a
// byte-order mark (so that Excel takes it for UTF-8; LibreOffice Calc does
// either way), every field that needs it quoted, line breaks in notes kept
// inside their field. A passage's speaker is the speakers of the
// quotations within it; tags are joined by "; ". A text field that a
// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
// carriage return) starts with an apostrophe, which Calc and Excel show
// as text and do not run.
func WriteCSV(passages, quotes io.Writer, nb *Notebook, opt *Options) error {
	var pw, qw *csv.Writer
	start := func(w io.Writer, header []string) (*csv.Writer, error) {
		if w == nil {
			return nil, nil
		}
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		return cw, cw.Write(header)
	}
	var err error
	if pw, err = start(passages, PassageColumns); err != nil {
		return writeError(err)
	}
	if qw, err = start(quotes, QuoteColumns); err != nil {
		return writeError(err)
	}
	for i := range nb.Articles {
		a := &nb.Articles[i]
		if pw != nil {
			for j := range a.Passages {
				p := &a.Passages[j]
				err = pw.Write([]string{cell(a.Title), a.Published.String(), cell(a.Outlet), cell(strings.Join(a.speakersIn(p), "; ")),
					cell(strings.Join(p.Tags, "; ")), cell(p.Text), cell(p.Note), fmt.Sprint(p.Start), fmt.Sprint(p.End)})
				if err != nil {
					return writeError(err)
				}
			}
		}
		if qw != nil {
			for _, q := range a.Quotes {
				err = qw.Write([]string{cell(a.Title), a.Published.String(), cell(a.Outlet), cell(q.Speaker), cell(q.Role),
					cell(strings.Join(q.Tags, "; ")), cell(q.Text), cell(q.Mention), fmt.Sprint(q.Start()), fmt.Sprint(q.End())})
				if err != nil {
					return writeError(err)
				}
			}
		}
		opt.progress(i+1, len(nb.Articles))
	}
	for _, w := range []*csv.Writer{pw, qw} {
		if w != nil {
			if w.Flush(); w.Error() != nil {
				return writeError(w.Error())
			}
		}
	}
	return nil
}

// cell makes a text safe from spreadsheets that run formulas: one that
// starts as a formula would gets an apostrophe in front.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
