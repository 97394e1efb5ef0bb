package etl

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/edgarload/edgarload/parser"
	edgarsql "github.com/edgarload/edgarload/sql"
)

// A filing's source identity (edgar.filings.source_sha256) is the SHA-256
// of its bytes — unless its accession number was read from its path, for
// then the same bytes may be two filings (a report filed twice under two
// accession numbers, each in its own folder): the identity then also
// covers the accession number.

// inputSHA is the content hash of an input: the SHA-256 of a file, or
// parser.PartsSHA256 of a filing folder's files.
func inputSHA(in Input) string {
	if in.parts != nil {
		return parser.PartsSHA256(in.parts)
	}
	return sha256Hex(in.data)
}

// saltedSHA is the identity of content whose accession number came from
// its path.
func saltedSHA(content, accession string) string {
	return sha256Hex([]byte(content + "\n" + accession))
}

// identitySHA is the source identity of a parsed filing whose content hash
// is content.
func identitySHA(content string, f *parser.Filing) string {
	if f != nil && f.AccessionSource == parser.AccessionInPath && f.AccessionNumber != nil {
		return saltedSHA(content, *f.AccessionNumber)
	}
	return content
}

// identityCandidates are the identities an input may be stored under,
// known before parsing: its content hash, and the salted one when its path
// names an accession number.
func identityCandidates(in Input) []string {
	if a := parser.AccessionFromPath(in.Name); a != "" {
		return []string{in.sha, saltedSHA(in.sha, a)}
	}
	return []string{in.sha}
}

// knownIdentity reports whether in is already loaded by this parser
// version, and under which source identity, given known (identity → stored
// under an accession number) from the known-sources lookup of its
// identityCandidates. The same bytes stored without an accession number do
// not count when the path now names one: the filing gains its identity.
func knownIdentity(known map[string]bool, in Input) (string, bool) {
	a := parser.AccessionFromPath(in.Name)
	if a != "" {
		if s := saltedSHA(in.sha, a); known != nil {
			if _, ok := known[s]; ok {
				return s, true
			}
		}
	}
	hasAccession, ok := known[in.sha]
	return in.sha, ok && (hasAccession || a == "")
}

// LoadedAccessions reports which of accessions are already loaded (any
// source, any parser version), for fetch to skip their download.
func LoadedAccessions(ctx context.Context, pool *pgxpool.Pool, accessions []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(accessions) > 0 {
		n := min(len(accessions), 10000)
		rows, err := pool.Query(ctx, edgarsql.LoadedAccessions, accessions[:n])
		if err != nil {
			return nil, fmt.Errorf("look up loaded filings: %w", err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, fmt.Errorf("look up loaded filings: %w", err)
		}
		for _, a := range got {
			out[a] = true
		}
		accessions = accessions[n:]
	}
	return out, nil
}
