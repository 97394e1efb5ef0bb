package edgarhttp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// target is one file to fetch: its URL and its place in the cache.
type target struct {
	url  string
	file string
}

// target resolves req against the client's hosts and cache directory.
func (c *Client) target(req Request) (target, error) {
	raw, err := c.rawURL(req)
	if err != nil {
		return target{}, err
	}
	u, err := url.Parse(raw)
	if err != nil {
		return target{}, fmt.Errorf("edgarhttp: URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return target{}, fmt.Errorf("edgarhttp: URL %q: scheme must be http or https", raw)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return target{}, fmt.Errorf("edgarhttp: URL %q: a query or fragment cannot be cached; EDGAR files need none", raw)
	}
	file, err := cacheFile(c.cacheDir, u.Host, u.Path)
	if err != nil {
		return target{}, fmt.Errorf("edgarhttp: URL %q: %w", raw, err)
	}
	return target{url: u.String(), file: file}, nil
}

func (c *Client) rawURL(req Request) (string, error) {
	switch {
	case req.URL != "" && req.Path != "":
		return "", fmt.Errorf("edgarhttp: request gives both URL %q and Path %q", req.URL, req.Path)
	case req.URL != "":
		return req.URL, nil
	case req.Path == "":
		return "", fmt.Errorf("edgarhttp: request gives neither URL nor Path")
	case !strings.HasPrefix(req.Path, "/"):
		return "", fmt.Errorf("edgarhttp: path %q must start with /", req.Path)
	case req.Data:
		return c.data + req.Path, nil
	default:
		return c.base + req.Path, nil
	}
}

// cacheFile maps host and URL path (decoded) to a file under root,
// refusing anything that is not a plain file path inside root: empty, "."
// or ".." segments, dot files (the cache's temporary files start with a
// dot), backslashes and NULs.
func cacheFile(root, host, path string) (string, error) {
	if host == "" || host == "." || host == ".." || strings.ContainsAny(host, `/\`+"\x00") {
		return "", fmt.Errorf("host %q cannot name a cache directory", host)
	}
	if !strings.HasPrefix(path, "/") || strings.HasSuffix(path, "/") {
		return "", fmt.Errorf("path %q does not name a file", path)
	}
	segs := strings.Split(path[1:], "/")
	for _, s := range segs {
		switch {
		case s == "" || s == "." || s == "..":
			return "", fmt.Errorf("path %q has an empty, . or .. segment", path)
		case strings.HasPrefix(s, "."):
			return "", fmt.Errorf("path %q has a segment starting with a dot", path)
		case strings.ContainsAny(s, `\`+"\x00"):
			return "", fmt.Errorf("path %q has a backslash or NUL", path)
		}
	}
	dir := strings.ReplaceAll(host, ":", "_") // 127.0.0.1:8080 → 127.0.0.1_8080
	file := filepath.Join(append([]string{root, dir}, segs...)...)
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("path %q escapes the cache directory", path)
	}
	return file, nil
}
