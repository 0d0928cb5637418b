package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/framewatch/framewatch/pipeline"
)

// htmlOptions are built once and shared read-only: extraction runs without
// fallback extractors (slower, and not needed for article pages) and with a
// fixed date window, because htmldate's default window ends one year after
// time.Now and would make the extracted date depend on the clock.
var htmlOptions = trafilatura.Options{
	ExcludeComments: true,
	HtmlDateOptions: &htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		MinDate:             time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		MaxDate:             time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
	},
}

// htmlDoc is what extractHTML finds in a page.
type htmlDoc struct {
	Text string
	Meta pipeline.Meta
}

// extractHTML extracts the main text and metadata of an HTML page. Text has
// one paragraph (heading, list item, quote, table row) per block, blocks
// separated by a blank line. A page without main text is an error.
func extractHTML(b []byte) (doc htmlDoc, err error) {
	defer func() {
		// trafilatura is a large port; a crash on one odd page must not
		// stop the run.
		if r := recover(); r != nil {
			err = fmt.Errorf("html extraction panicked: %v", r)
		}
	}()
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return doc, err
	}
	// trafilatura loses the text that follows a <script> inside a
	// paragraph; scripts and styles are never content, so they go first.
	stripNodes(root)
	res, err := trafilatura.ExtractDocument(root, htmlOptions)
	if err != nil {
		return doc, err
	}
	if res == nil || res.ContentNode == nil {
		return doc, fmt.Errorf("no main text found")
	}
	doc.Text = renderText(res.ContentNode)
	m := res.Metadata
	if strings.TrimSpace(doc.Text) == unmark(m.Title) {
		// trafilatura's last resort returns the <title> of an empty page.
		doc.Text = ""
	}
	doc.Meta = pipeline.Meta{
		Title:  unmark(m.Title),
		Author: unmark(m.Author),
		Outlet: unmark(m.Sitename),
		URL:    unmark(m.URL),
	}
	if !m.Date.IsZero() {
		doc.Meta.Date = m.Date.Format("2006-01-02")
	}
	// trafilatura always classifies the language (about half its cost per
	// page); keep the result, it is useful for filtering a corpus.
	for k, v := range map[string]string{"hostname": m.Hostname, "language": m.Language} {
		if v = strings.TrimSpace(v); v != "" {
			if doc.Meta.Extra == nil {
				doc.Meta.Extra = map[string]string{}
			}
			doc.Meta.Extra[k] = v
		}
	}
	return doc, nil
}

// Break marks, put into the page before extraction: trafilatura drops a
// <br> and merges adjacent blocks of minified HTML ("…Nordkorea.</p><p>Die
// Vereinigten…" became "Nordkorea.Die Vereinigten" and one PERSON), so a
// private-use character stands for each break through extraction, and
// renderText turns it back into a line break or a paragraph end.
const (
	lineMark = '\uE000' // a <br>
	paraMark = '\uE001' // the end of a block element
)

// unmark trims s and replaces the break marks in it (metadata taken from
// marked elements, such as a title from an <h1>) with spaces.
func unmark(s string) string {
	if strings.ContainsAny(s, string(lineMark)+string(paraMark)) {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == lineMark || r == paraMark || unicode.IsSpace(r) }), " ")
	}
	return strings.TrimSpace(s)
}

// stripNodes removes script, style, noscript and template elements and
// comments from the tree under n, and marks line breaks and block ends
// (lineMark, paraMark).
func stripNodes(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode,
			c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style" || c.Data == "noscript" || c.Data == "template"):
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.Data == "br":
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: string(lineMark)}, c)
		default:
			stripNodes(c)
			if c.Type == html.ElementNode && blockTags[c.Data] && c.Data != "body" && c.Data != "head" {
				c.AppendChild(&html.Node{Type: html.TextNode, Data: string(paraMark)})
			}
		}
		c = next
	}
}

// blockTags start a new paragraph in rendered text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "dd": true, "dt": true, "ul": true,
	"ol": true, "dl": true, "blockquote": true, "pre": true, "table": true,
	"tr": true, "section": true, "article": true, "main": true, "header": true,
	"footer": true, "aside": true, "figure": true, "figcaption": true,
	"summary": true, "details": true, "address": true, "hr": true, "body": true,
	"head": true, "list": true, "item": true, "quote": true, "row": true,
}

// renderText turns an extracted content tree into plain text: whitespace
// inside a paragraph collapsed to single spaces (except in <pre>), <br> as a
// line break, paragraphs separated by one blank line.
func renderText(n *html.Node) string {
	r := textRenderer{}
	r.walk(n, false)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (r *textRenderer) flush() {
	s := strings.TrimSpace(r.cur.String())
	// Trim spaces around the line breaks that <br> produced.
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(l)
		}
		s = strings.Join(lines, "\n")
	}
	if s != "" {
		r.paras = append(r.paras, s)
	}
	r.cur.Reset()
	r.space = false
}

func (r *textRenderer) text(s string, pre bool) {
	if strings.ContainsAny(s, string(lineMark)+string(paraMark)) {
		// The marks stripNodes put in: a <br> or a block's end.
		for {
			i := strings.IndexAny(s, string(lineMark)+string(paraMark))
			if i < 0 {
				break
			}
			r.text(s[:i], pre)
			mark, size := utf8.DecodeRuneInString(s[i:])
			if mark == paraMark {
				r.flush()
			} else {
				r.lineBreak()
			}
			s = s[i+size:]
		}
	}
	if pre {
		r.cur.WriteString(s)
		return
	}
	for i, f := range strings.Fields(s) {
		if (i > 0 || startsWithSpace(s) || r.space) && r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		r.space = false
		r.cur.WriteString(f)
	}
	if len(s) > 0 && endsWithSpace(s) {
		r.space = true
	}
}

// lineBreak ends the current line; a <br> seen twice (its mark and the
// element trafilatura kept) is one break.
func (r *textRenderer) lineBreak() {
	if b := r.cur.String(); !strings.HasSuffix(b, "\n") {
		r.cur.WriteByte('\n')
	}
	r.space = false
}

func startsWithSpace(s string) bool {
	return strings.TrimLeftFunc(s, isSpaceRune) != s
}

func endsWithSpace(s string) bool {
	return strings.TrimRightFunc(s, isSpaceRune) != s
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }

func (r *textRenderer) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		case "br", "lb":
			r.lineBreak()
			return
		case "td", "th", "cell":
			r.space = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.flush()
	}
	p := pre || (n.Type == html.ElementNode && n.Data == "pre")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, p)
	}
	if block {
		r.flush()
	}
}

// htmlToUTF8 converts a page that is not valid UTF-8 to UTF-8 the way
// browsers do (HTML standard encoding sniffing): the charset of a BOM or a
// <meta> tag, else windows-1252. A page that is valid UTF-8 is returned
// unchanged.
func htmlToUTF8(b []byte) []byte {
	if utf8.Valid(b) || isBinary(b) {
		return b
	}
	enc, name, _ := charset.DetermineEncoding(b, "text/html")
	if enc == nil || name == "utf-8" {
		return b // fails the UTF-8 check with the offending byte
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}
