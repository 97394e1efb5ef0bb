package etl

import (
	"context"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// regIndex matches a batch's parties to registrants. Ids are real
// registrant ids (> 0) or placeholders (< 0) for registrants this batch
// creates, numbered -1, -2, ... in creation order.
type regIndex struct {
	byCIK  map[int64]int64
	cikOf  map[int64]*int64
	byIRS  map[string][]int64
	byFile map[string][]int64
	byName map[string][]int64
	irsOf  map[int64]map[string]bool // IRS numbers each registrant was filed under

	created []newRegistrant // placeholder -(i+1) is created[i]
	adopted map[int64]int64 // CIK-less registrant id -> CIK given by this batch
}

type newRegistrant struct {
	cik  *int64
	name string
}

func newRegIndex() *regIndex {
	return &regIndex{byCIK: map[int64]int64{}, cikOf: map[int64]*int64{}, byIRS: map[string][]int64{},
		byFile: map[string][]int64{}, byName: map[string][]int64{}, irsOf: map[int64]map[string]bool{}, adopted: map[int64]int64{}}
}

// idLess orders ids deterministically: existing registrants by id, then
// the batch's new ones in creation order.
func idLess(a, b int64) bool {
	if (a > 0) != (b > 0) {
		return a > 0
	}
	if a > 0 {
		return a < b
	}
	return a > b
}

func addID(m map[string][]int64, k string, id int64) {
	if k == "" {
		return
	}
	for _, x := range m[k] {
		if x == id {
			return
		}
	}
	m[k] = append(m[k], id)
	sort.Slice(m[k], func(i, j int) bool { return idLess(m[k][i], m[k][j]) })
}

func (x *regIndex) remember(id int64, cik *int64, irs, file, name string) {
	if _, ok := x.cikOf[id]; !ok || x.cikOf[id] == nil {
		x.cikOf[id] = cik
	}
	if cik != nil {
		x.byCIK[*cik] = id
	}
	addID(x.byIRS, irs, id)
	if irs != "" {
		if x.irsOf[id] == nil {
			x.irsOf[id] = map[string]bool{}
		}
		x.irsOf[id][irs] = true
	}
	addID(x.byFile, file, id)
	addID(x.byName, name, id)
}

// fallback finds a registrant by IRS number, then file number, then
// normalized name; with onlyCIKLess, only registrants without a CIK qualify.
// A file-number or name match is refused when both sides have IRS numbers
// and none is shared: they are different companies.
func (x *regIndex) fallback(pt *party, onlyCIKLess bool) (int64, bool) {
	for i, c := range []struct {
		m map[string][]int64
		k string
	}{{x.byIRS, pt.irs}, {x.byFile, pt.file}, {x.byName, pt.normName}} {
		if c.k == "" {
			continue
		}
		for _, id := range c.m[c.k] {
			if onlyCIKLess && x.cikOf[id] != nil {
				continue
			}
			if i > 0 && pt.irs != "" && len(x.irsOf[id]) > 0 && !x.irsOf[id][pt.irs] {
				continue
			}
			return id, true
		}
	}
	return 0, false
}

// resolve assigns a registrant id (possibly a placeholder) to every party,
// in a deterministic order: parties with a CIK first, so that a bare
// document in the same batch joins the company its header names.
func (x *regIndex) resolve(parties []*party, ids []int64) {
	order := make([]int, len(parties))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return (parties[order[a]].cik != nil) && (parties[order[b]].cik == nil)
	})
	for _, i := range order {
		pt := parties[i]
		var id int64
		if pt.cik != nil {
			var ok bool
			if id, ok = x.byCIK[*pt.cik]; !ok {
				if id, ok = x.fallback(pt, true); ok {
					if id > 0 {
						x.adopted[id] = *pt.cik
					} else {
						x.created[-id-1].cik = pt.cik
					}
					x.cikOf[id] = pt.cik
				} else {
					x.created = append(x.created, newRegistrant{cik: pt.cik, name: pt.name})
					id = -int64(len(x.created))
				}
			}
		} else {
			var ok bool
			if id, ok = x.fallback(pt, false); !ok {
				x.created = append(x.created, newRegistrant{name: pt.name})
				id = -int64(len(x.created))
			}
		}
		x.remember(id, pt.cik, pt.irs, pt.file, pt.normName)
		ids[i] = id
	}
}

// loadCandidates reads the registrants the parties may match: by CIK,
// and for the parties whose CIK matches none (or who have none) by IRS
// number, file number and name, with every identifier each candidate was
// filed under (edgar.registrant_keys).
func (x *regIndex) loadCandidates(ctx context.Context, tx pgx.Tx, parties []*party) error {
	n := len(parties)
	ciks := make([]*int64, n)
	irs, files, names := make([]*string, n), make([]*string, n), make([]*string, n)
	for i, pt := range parties {
		ciks[i] = pt.cik
		irs[i], files[i], names[i] = orNil(pt.irs), orNil(pt.file), orNil(pt.normName)
	}
	rows, err := tx.Query(ctx, edgarsql.RegistrantCandidates, ciks, irs, files, names)
	if err != nil {
		return fmt.Errorf("registrant candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var cik *int64
		var i, f, n *string
		if err := rows.Scan(&id, &cik, &i, &f, &n); err != nil {
			return fmt.Errorf("registrant candidates: %w", err)
		}
		x.remember(id, cik, deref(i), deref(f), deref(n))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("registrant candidates: %w", err)
	}
	return nil
}

// orNil is nil for "", else a pointer to s.
func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// apply writes the batch's new registrants and adoptions and returns the
// real id of every placeholder.
func (x *regIndex) apply(ctx context.Context, tx pgx.Tx) (map[int64]int64, error) {
	real := map[int64]int64{}
	if n := len(x.created); n > 0 {
		rows, err := tx.Query(ctx, edgarsql.AllocateRegistrantIDs, n)
		if err != nil {
			return nil, fmt.Errorf("allocate registrant ids: %w", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return nil, fmt.Errorf("allocate registrant ids: %w", err)
		}
		if len(ids) != n {
			return nil, fmt.Errorf("allocate registrant ids: got %d, want %d", len(ids), n)
		}
		ciks := make([]*int64, n)
		names := make([]*string, n)
		for i, c := range x.created {
			real[-int64(i+1)] = ids[i]
			ciks[i] = c.cik
			if c.name != "" {
				nm := c.name
				names[i] = &nm
			}
		}
		if _, err := tx.Exec(ctx, edgarsql.InsertRegistrants, ids, ciks, names); err != nil {
			return nil, fmt.Errorf("insert registrants: %w", err)
		}
	}
	if len(x.adopted) > 0 {
		var ids, ciks []int64
		for id, cik := range x.adopted {
			ids = append(ids, id)
			ciks = append(ciks, cik)
		}
		if _, err := tx.Exec(ctx, edgarsql.AdoptRegistrants, ids, ciks); err != nil {
			return nil, fmt.Errorf("adopt registrants: %w", err)
		}
	}
	return real, nil
}
