package export_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier"
	"dossier/export"
)

func sample(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "schemas", "refi-qda", "samples", name))
	if err != nil {
		t.Skipf("no sample: %v", err)
	}
	return data
}

func TestReadMAXQDASample(t *testing.T) {
	data := sample(t, "ICLS_Conf_Themes_ALL_just10.qdpx")
	nb, err := export.ReadQDPX(bytes.NewReader(data), int64(len(data)), export.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Articles) != 10 {
		t.Fatalf("%d articles, want the 10 text sources", len(nb.Articles))
	}
	a := nb.Articles[0]
	if a.Title != "ICLS 2024 3-10" || !strings.HasPrefix(a.Body, "Mapping the Complexity of Learning") || strings.Contains(a.Body, "\r") {
		t.Errorf("first article %q: %.60q", a.Title, a.Body)
	}
	if len(nb.Tags) != 307 {
		t.Errorf("%d tags, want the 307 codes", len(nb.Tags))
	}
	var theme *dossier.Tag
	for i, tg := range nb.Tags {
		if tg.Path == "Additional Themes and Ideas/THEME - Affordances" {
			theme = &nb.Tags[i]
		}
	}
	if theme == nil || theme.Color != "#EF8256" || !strings.Contains(theme.Description, "affordances") {
		t.Errorf("the nested code with its colour: %+v", theme)
	}
	// The sets of sources are the articles' tags.
	if !strings.Contains(strings.Join(nb.Articles[0].Tags, ","), "ICLS 2024") || !strings.Contains(strings.Join(nb.Articles[9].Tags, ","), "ICLS 2025") {
		t.Errorf("article tags %q and %q", nb.Articles[0].Tags, nb.Articles[9].Tags)
	}
	t.Logf("warnings: %q", nb.Warnings)
}

func TestReadATLASSamples(t *testing.T) {
	data := sample(t, "target-atlas-project.qdpx")
	nb, err := export.ReadQDPX(bytes.NewReader(data), int64(len(data)), export.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, tg := range nb.Tags {
		paths = append(paths, tg.Path)
	}
	if strings.Join(paths, "|") != "Commits|Commits/2022-05-10T02:05:59Z 19e4dce|Commits/2022-02-11T10:39:25Z cdbfd92" || len(nb.Articles) != 0 || nb.User != "Enric Llagostera" {
		t.Errorf("tags %q, %d articles, user %q", paths, len(nb.Articles), nb.User)
	}
	data = sample(t, "blank-atlas-project.qdpx")
	if nb, err := export.ReadQDPX(bytes.NewReader(data), int64(len(data)), export.Limits{}); err != nil || len(nb.Articles)+len(nb.Tags) != 0 {
		t.Errorf("blank project: %+v, %v", nb, err)
	}
}

// qdpx builds a package from name -> content; a name starting with "!"
// is stored without compression.
func qdpx(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		method := zip.Deflate
		if strings.HasPrefix(name, "!") {
			name, method = name[1:], zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	zw.Close()
	return buf.Bytes()
}

const (
	srcGUID  = "11111111-2222-3333-4444-555555555555"
	codeGUID = "AAAAAAAA-2222-3333-4444-555555555555"
	selGUID  = "BBBBBBBB-2222-3333-4444-555555555555"
)

// project is a small project.qde: one code, one source, one selection
// start-end coded with ref.
func project(start, end, ref string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
 <CodeBook><Codes><Code guid="` + codeGUID + `" name="Theme/One" isCodable="true" color="#ff0000"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="` + srcGUID + `" name="Doc" plainTextPath="internal://` + srcGUID + `.txt">
   <PlainTextSelection guid="` + selGUID + `" startPosition="` + start + `" endPosition="` + end + `">
    <Coding guid="CCCCCCCC-2222-3333-4444-555555555555"><CodeRef targetGUID="` + ref + `"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>`
}

func TestReadQDPXLineEndings(t *testing.T) {
	// "Line one\r\nLine two": positions count code points of the text as
	// stored, so "two" is at 15-18 with "\r\n" and 14-17 once it is "\n".
	data := qdpx(t, map[string]string{"project.qde": project("15", "18", codeGUID), "sources/" + srcGUID + ".txt": "\ufeffLine one\r\nLine two"})
	nb, err := export.ReadQDPX(bytes.NewReader(data), int64(len(data)), export.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a := nb.Articles[0]
	p := a.Passages[0]
	if a.Body != "Line one\nLine two" || p.Text != "two" || p.Start != 14 || p.Tags[0] != "Theme-One" {
		t.Errorf("body %q, passage %d-%d %q %q; warnings %q", a.Body, p.Start, p.End, p.Text, p.Tags, nb.Warnings)
	}
}

func TestReadQDPXRefusesHostileFiles(t *testing.T) {
	okSource := "sources/" + srcGUID + ".txt"
	bomb := strings.Repeat("A", 8<<20)
	cases := []struct {
		name  string
		files map[string]string
		lim   export.Limits
		want  string
	}{
		{"zip slip", map[string]string{"project.qde": project("0", "4", codeGUID), okSource: "Some text", "../../evil.txt": "x"}, export.Limits{}, "points outside"},
		{"absolute entry", map[string]string{"project.qde": project("0", "4", codeGUID), okSource: "Some text", "/etc/evil": "x"}, export.Limits{}, "points outside"},
		{"source path outside", map[string]string{"project.qde": strings.Replace(project("0", "4", codeGUID), "internal://"+srcGUID, "internal://../"+srcGUID, 1), okSource: "Some text"}, export.Limits{}, "outside the package"},
		{"zip bomb", map[string]string{"project.qde": project("0", "4", codeGUID), okSource: "Some text", "sources/bomb.txt": bomb}, export.Limits{}, "zip bomb"},
		{"oversized entry", map[string]string{"project.qde": project("0", "4", codeGUID), "!" + okSource: "Some text" + strings.Repeat(" more", 300)}, export.Limits{MaxEntry: 1024}, "more than"},
		{"too much in all", map[string]string{"project.qde": project("0", "4", codeGUID), "!" + okSource: strings.Repeat("text ", 500), "!other.txt": strings.Repeat("more ", 500)}, export.Limits{MaxTotal: 2048}, "more than"},
		{"malformed XML", map[string]string{"project.qde": strings.Replace(project("0", "4", codeGUID), "</Sources>", "</Source>", 1), okSource: "Some text"}, export.Limits{}, "not a well-formed"},
		{"not the QDA namespace", map[string]string{"project.qde": strings.Replace(project("0", "4", codeGUID), "urn:QDA-XML:project:1.0", "urn:other", 1), okSource: "Some text"}, export.Limits{}, "REFI-QDA project"},
		{"unknown code GUID", map[string]string{"project.qde": project("0", "4", "DDDDDDDD-2222-3333-4444-555555555555"), okSource: "Some text"}, export.Limits{}, "does not define"},
		{"position past the end", map[string]string{"project.qde": project("5", "99", codeGUID), okSource: "Some text"}, export.Limits{}, "outside its text"},
		{"negative position", map[string]string{"project.qde": project("-1", "4", codeGUID), okSource: "Some text"}, export.Limits{}, "outside its text"},
		{"missing source file", map[string]string{"project.qde": project("0", "4", codeGUID)}, export.Limits{}, "has no sources/"},
		{"no project", map[string]string{okSource: "Some text"}, export.Limits{}, "has no project.qde"},
		{"repeated GUID", map[string]string{"project.qde": strings.Replace(project("0", "4", codeGUID), selGUID, srcGUID, 1), okSource: "Some text"}, export.Limits{}, "names both"},
		{"not a zip", nil, export.Limits{}, "not a zip"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte("PK not really")
			if c.files != nil {
				data = qdpx(t, c.files)
			}
			nb, err := export.ReadQDPX(bytes.NewReader(data), int64(len(data)), c.lim)
			if err == nil {
				t.Fatalf("accepted: %d articles", len(nb.Articles))
			}
			if dossier.ErrorCode(err) != dossier.EINVALID || !strings.Contains(dossier.ErrorMessage(err), c.want) {
				t.Errorf("error %q (%s), want an invalid-input error saying %q", dossier.ErrorMessage(err), dossier.ErrorCode(err), c.want)
			}
		})
	}
}

func TestReadJSONLDRefusesBadFiles(t *testing.T) {
	nb := fixture(t)
	var buf bytes.Buffer
	export.WriteJSONLD(&buf, nb, nil)
	good := buf.String()
	cases := []struct{ name, doc, want string }{
		{"not JSON", "{", "not a Web Annotation collection"},
		{"not a collection", `{"type":"Annotation"}`, "not a Web Annotation collection"},
		{"position outside", regexp.MustCompile(`"end": \d+`).ReplaceAllString(good, `"end": 200000`), "outside the text"},
		{"unknown source", strings.Replace(good, `"source": "urn:uuid:`, `"source": "urn:uuid:0`, 1), "does not carry"},
		{"wrong exact text", strings.Replace(good, `"exact": "consequences"`, `"exact": "no such words"`, 1), "is not in the article"},
		{"bad tag", strings.Replace(good, `"value": "actor/usa"`, `"value": "actor//usa"`, 1), "empty part"},
		{"bad colour", strings.Replace(good, `"color": "#4E79A7"`, `"color": "blue"`, 1), "not a colour"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.doc == good {
				t.Fatal("the case changes nothing")
			}
			_, err := export.ReadJSONLD(strings.NewReader(c.doc))
			if err == nil || dossier.ErrorCode(err) != dossier.EINVALID || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one saying %q", err, c.want)
			}
		})
	}
	// A position that is off but whose quote is found is placed by the quote.
	moved := strings.Replace(good, `"start": 0,`, `"start": 1,`, 1)
	if _, err := export.ReadJSONLD(strings.NewReader(moved)); err != nil && !strings.Contains(err.Error(), "outside") {
		t.Errorf("a shifted position: %v", err)
	}
}
