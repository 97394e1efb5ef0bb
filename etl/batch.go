package etl

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	edgarsql "github.com/edgarload/edgarload/sql"
)

// batchResult counts what one batch did.
type batchResult struct {
	loaded, unchanged int
	rows              map[string]int64
	files             []fileRecord // what became of each input of the batch
	// tables counts rows inserted, updated and deleted per table (the
	// summary's table); rows above counts rows written, as
	// edgar.load_runs.rows records.
	tables map[string]TableCounts
}

// count adds c to table's counts.
func (r *batchResult) count(table string, c TableCounts) {
	if r.tables == nil {
		r.tables = map[string]TableCounts{}
	}
	r.tables[table] = r.tables[table].plus(c)
}

// commitHook runs inside a batch's transaction just before its commit,
// with what the batch did (the run ledger records it there).
type commitHook func(ctx context.Context, tx pgx.Tx, res batchResult) error

// existingFiling is a stored filing the batch may collide with.
type existingFiling struct {
	id                   int64
	accession            *string
	sha, pv, shape, form string
	path                 string
}

func (e *existingFiling) source() source { return source{e.shape, e.form, e.sha} }

// writeBatch writes recs in one transaction. Filings already stored with
// the same source and parser version, or losing to the stored source of the
// same filing, are counted unchanged and not touched. hook, when not nil,
// runs in the transaction just before the commit. The stages, in order:
// dedupe the batch, lock, read the stored filings it collides with, plan
// what to write, delete what it replaces, upsert the filings, resolve and
// write the parties, write the child rows, recompute the registrants.
func writeBatch(ctx context.Context, pool *pgxpool.Pool, recs []*prepared, hook commitHook) (batchResult, error) {
	res := batchResult{rows: map[string]int64{}}
	winners := dedupeBatch(recs, &res)

	tx, err := pool.Begin(ctx)
	if err != nil {
		return res, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, edgarsql.LockBatch); err != nil {
		return res, fmt.Errorf("lock: %w", err)
	}
	stored, err := readStored(ctx, tx, winners)
	if err != nil {
		return res, err
	}
	p := planBatch(winners, stored, &res)
	if len(p.write) == 0 {
		return res, commitBatch(ctx, tx, hook, res)
	}
	start := time.Now()
	touched, err := deleteReplaced(ctx, tx, p, &res)
	if err != nil {
		return res, err
	}
	// Only a registrant that lost filing rows can be left without any.
	mayBeOrphans := make(map[int64]bool, len(touched))
	for id := range touched {
		mayBeOrphans[id] = true
	}
	filingID, err := upsertFilings(ctx, tx, p.write)
	if err != nil {
		return res, err
	}
	res.count("filings", TableCounts{Time: time.Since(start)}) // replaced rows deleted, filings merged
	res.loaded = len(p.write)
	res.rows["filings"] = int64(len(p.write))
	res.count("filings", TableCounts{Inserted: int64(len(p.write) - len(p.replaceIDs)), Updated: int64(len(p.replaceIDs)), Deleted: int64(len(p.staleIDs))})
	before := maps.Clone(res.rows)
	start = time.Now()
	regChanged, newRegs, err := writeParties(ctx, tx, p.write, filingID, touched, res.rows)
	if err != nil {
		return res, err
	}
	res.count("filing_registrants", TableCounts{Time: time.Since(start)}) // parties matched or created, their rows and keys
	if err := writeChildren(ctx, tx, p.write, filingID, &res); err != nil {
		return res, err
	}
	for t, n := range res.rows {
		if t != "filings" {
			res.count(t, TableCounts{Inserted: n - before[t]})
		}
	}
	start = time.Now()
	gone, err := settleRegistrants(ctx, tx, touched, mayBeOrphans, regChanged, writtenIDs(filingID))
	if err != nil {
		return res, err
	}
	res.count("registrants", TableCounts{Time: time.Since(start)}) // orphans dropped, attributes recomputed
	if len(regChanged) > 0 {
		res.rows["registrants"] = int64(len(regChanged))
		res.count("registrants", TableCounts{Inserted: int64(newRegs), Updated: int64(len(regChanged) - newRegs - gone), Deleted: int64(gone)})
	}
	return res, commitBatch(ctx, tx, hook, res)
}

// commitBatch runs the hook (the run ledger) and commits.
func commitBatch(ctx context.Context, tx pgx.Tx, hook commitHook, res batchResult) error {
	if hook != nil {
		if err := hook(ctx, tx, res); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// dedupeBatch keeps one member per filing key, the preferred source
// winning; the others are recorded superseded. The winners come sorted by
// key.
func dedupeBatch(recs []*prepared, res *batchResult) []*prepared {
	best := map[string]*prepared{}
	for _, r := range recs {
		o, ok := best[r.key]
		if !ok {
			best[r.key] = r
			continue
		}
		res.unchanged++
		if beats(r.source(), o.source()) || (r.sha == o.sha && r.path < o.path) {
			best[r.key] = r
		}
	}
	for _, r := range recs {
		if w := best[r.key]; w != r {
			res.files = append(res.files, r.record(OutcomeSuperseded, "superseded by "+describe(w)))
		}
	}
	winners := make([]*prepared, 0, len(best))
	for _, r := range best {
		winners = append(winners, r)
	}
	sort.Slice(winners, func(i, j int) bool { return winners[i].key < winners[j].key })
	return winners
}

// storedFilings are the stored filings a batch collides with, by
// accession number and by source identity.
type storedFilings struct {
	byAcc, bySHA map[string]*existingFiling
}

// readStored reads the stored filings under the winners' keys in one
// query.
func readStored(ctx context.Context, tx pgx.Tx, winners []*prepared) (storedFilings, error) {
	st := storedFilings{byAcc: map[string]*existingFiling{}, bySHA: map[string]*existingFiling{}}
	var accs, shas []string
	for _, r := range winners {
		if r.accession != nil {
			accs = append(accs, *r.accession)
		}
		shas = append(shas, r.sha)
	}
	rows, err := tx.Query(ctx, edgarsql.ExistingFilings, accs, shas)
	if err != nil {
		return st, fmt.Errorf("existing filings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e := &existingFiling{}
		if err := rows.Scan(&e.id, &e.accession, &e.sha, &e.pv, &e.shape, &e.form, &e.path); err != nil {
			return st, fmt.Errorf("existing filings: %w", err)
		}
		if e.accession != nil {
			st.byAcc[*e.accession] = e
		}
		st.bySHA[e.sha] = e
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("existing filings: %w", err)
	}
	return st, nil
}

// batchPlan is what a batch writes: the filings, and the stored filings
// they replace (same key) or supersede (same bytes under another key).
type batchPlan struct {
	write                []*prepared
	replaceIDs, staleIDs []int64
}

// planBatch decides, for each winner, whether it is written (new, or
// beating the stored source), unchanged or superseded by the stored row.
func planBatch(winners []*prepared, st storedFilings, res *batchResult) batchPlan {
	var p batchPlan
	for _, r := range winners {
		var e *existingFiling
		if r.accession != nil {
			e = st.byAcc[*r.accession]
		} else if s := st.bySHA[r.sha]; s != nil && s.accession == nil {
			e = s
		}
		// The same bytes stored under another key (an earlier parser
		// version keyed them differently): that row is superseded.
		if s := st.bySHA[r.sha]; s != nil && (e == nil || s.id != e.id) {
			p.staleIDs = append(p.staleIDs, s.id)
		}
		switch {
		case e == nil:
			p.write = append(p.write, r)
		case e.sha == r.sha && e.pv == r.parserVersion:
			res.unchanged++
			res.files = append(res.files, r.record(OutcomeUnchanged, "already loaded from the same source by parser "+e.pv))
		case e.sha == r.sha || beats(r.source(), e.source()):
			p.write = append(p.write, r)
			p.replaceIDs = append(p.replaceIDs, e.id)
		default:
			res.unchanged++
			res.files = append(res.files, r.record(OutcomeSuperseded, "superseded by "+r.key+" "+e.path+" (stored)"))
		}
	}
	for _, r := range p.write {
		res.files = append(res.files, r.record(OutcomeLoaded, ""))
	}
	return p
}

// deleteReplaced deletes the child rows of the filings the batch replaces
// and the superseded filings, rebuilds the identifiers of the registrants
// they referred to, and returns those registrants (touched: recomputed at
// the end).
func deleteReplaced(ctx context.Context, tx pgx.Tx, p batchPlan, res *batchResult) (map[int64]bool, error) {
	touched := map[int64]bool{}
	if len(p.staleIDs) == 0 && len(p.replaceIDs) == 0 {
		return touched, nil
	}
	ids := append(append([]int64(nil), p.staleIDs...), p.replaceIDs...)
	regs, err := deleteChildren(ctx, tx, ids, res)
	if err != nil {
		return nil, fmt.Errorf("delete replaced rows: %w", err)
	}
	for _, id := range regs {
		touched[id] = true
	}
	if len(p.staleIDs) > 0 {
		if _, err := tx.Exec(ctx, edgarsql.DeleteFilings, p.staleIDs); err != nil {
			return nil, fmt.Errorf("delete superseded filings: %w", err)
		}
	}
	if len(regs) > 0 {
		if _, err := tx.Exec(ctx, edgarsql.RebuildRegistrantKeys, regs); err != nil {
			return nil, fmt.Errorf("rebuild registrant keys: %w", err)
		}
	}
	return touched, nil
}

// deleteChildren runs DeleteChildren on ids, counting the rows each table
// lost in res, and returns the registrants the deleted parties referred to.
func deleteChildren(ctx context.Context, tx pgx.Tx, ids []int64, res *batchResult) ([]int64, error) {
	rows, err := tx.Query(ctx, edgarsql.DeleteChildren, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var regs []int64
	for rows.Next() {
		var table *string
		var n, reg *int64
		if err := rows.Scan(&table, &n, &reg); err != nil {
			return nil, err
		}
		switch {
		case table != nil && n != nil && *n > 0:
			res.count(*table, TableCounts{Deleted: *n})
		case reg != nil:
			regs = append(regs, *reg)
		}
	}
	return regs, rows.Err()
}

// upsertFilings stages the filings and merges them into edgar.filings,
// returning their ids by source identity.
func upsertFilings(ctx context.Context, tx pgx.Tx, write []*prepared) (map[string]int64, error) {
	if _, err := tx.Exec(ctx, edgarsql.CreateStaging); err != nil {
		return nil, fmt.Errorf("create staging tables: %w", err)
	}
	frows := make([][]any, len(write))
	for i, r := range write {
		frows[i] = r.filing
	}
	if err := copyRows(ctx, tx, "stage_filings", filingColumns, frows); err != nil {
		return nil, err
	}
	filingID := make(map[string]int64, len(write)) // by sha
	for _, q := range []string{edgarsql.UpsertFilingsByAccession, edgarsql.UpsertFilingsBySHA} {
		if err := scanUpserted(ctx, tx, q, filingID); err != nil {
			return nil, err
		}
	}
	for _, r := range write {
		if _, ok := filingID[r.sha]; !ok {
			// Cannot happen under the batch lock unless another writer ignores it.
			return nil, fmt.Errorf("upsert filings: %s (%s) was not written: changed concurrently", r.path, r.key)
		}
	}
	return filingID, nil
}

// scanUpserted runs one filings upsert and collects the ids it returns.
func scanUpserted(ctx context.Context, tx pgx.Tx, q string, filingID map[string]int64) error {
	rows, err := tx.Query(ctx, q)
	if err != nil {
		return fmt.Errorf("upsert filings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sha string
		var inserted bool
		if err := rows.Scan(&id, &sha, &inserted); err != nil {
			return fmt.Errorf("upsert filings: %w", err)
		}
		filingID[sha] = id
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("upsert filings: %w", err)
	}
	return nil
}

// writeParties matches every party of the written filings to a registrant
// (creating and adopting as needed), writes filing_registrants, their
// identifiers (edgar.registrant_keys) and former names; it adds the
// registrants to touched and returns those whose rows changed.
func writeParties(ctx context.Context, tx pgx.Tx, write []*prepared, filingID map[string]int64, touched map[int64]bool, counts map[string]int64) (changed map[int64]bool, created int, err error) {
	regChanged := map[int64]bool{}
	var parties []*party
	var partyFiling []*prepared
	for _, r := range write {
		for i := range r.parties {
			parties = append(parties, &r.parties[i])
			partyFiling = append(partyFiling, r)
		}
	}
	if len(parties) == 0 {
		return regChanged, 0, nil
	}
	x := newRegIndex()
	if err := x.loadCandidates(ctx, tx, parties); err != nil {
		return nil, 0, err
	}
	ids := make([]int64, len(parties))
	x.resolve(parties, ids)
	real, err := x.apply(ctx, tx)
	if err != nil {
		return nil, 0, err
	}
	for _, id := range real {
		regChanged[id] = true
	}
	for id := range x.adopted {
		regChanged[id] = true
	}
	var frRows [][]any
	keys := newKeySet()
	var fnIDs []int64
	var fnNames []string
	var fnDates []*time.Time
	for i, pt := range parties {
		id := ids[i]
		if id < 0 {
			id = real[id]
		}
		touched[id] = true
		keys.add(id, pt)
		row := append([]any(nil), pt.row...)
		row[0] = filingID[partyFiling[i].sha]
		row[3] = id
		frRows = append(frRows, row)
		for _, fn := range pt.formerNames {
			fnIDs = append(fnIDs, id)
			fnNames = append(fnNames, fn.name)
			fnDates = append(fnDates, fn.on)
		}
	}
	if err := copyRows(ctx, tx, "stage_filing_registrants", filingRegistrantColumns, frRows); err != nil {
		return nil, 0, err
	}
	if err := execCount(ctx, tx, edgarsql.InsertFilingRegistrants, "filing_registrants", counts); err != nil {
		return nil, 0, err
	}
	if _, err := tx.Exec(ctx, edgarsql.InsertRegistrantKeys, keys.ids, keys.kinds, keys.keys); err != nil {
		return nil, 0, fmt.Errorf("insert registrant keys: %w", err)
	}
	if len(fnIDs) > 0 {
		if err := execCount(ctx, tx, edgarsql.InsertFormerNames, "registrant_former_names", counts, fnIDs, fnNames, fnDates); err != nil {
			return nil, 0, err
		}
	}
	return regChanged, len(real), nil
}

// keySet collects the distinct (registrant, kind, key) identifiers of a
// batch's parties, as edgar.registrant_keys holds them.
type keySet struct {
	seen        map[[3]string]bool
	ids         []int64
	kinds, keys []string
}

func newKeySet() *keySet { return &keySet{seen: map[[3]string]bool{}} }

// add records the party's IRS number, file number and name for registrant id.
func (k *keySet) add(id int64, pt *party) {
	for _, c := range [][2]string{{"irs", pt.irs}, {"file", pt.file}, {"name", pt.normName}} {
		if c[1] == "" {
			continue
		}
		key := [3]string{strconv.FormatInt(id, 10), c[0], c[1]}
		if k.seen[key] {
			continue
		}
		k.seen[key] = true
		k.ids, k.kinds, k.keys = append(k.ids, id), append(k.kinds, c[0]), append(k.keys, c[1])
	}
}

// childTables are the per-filing child tables, written in this order.
var childTables = []struct {
	table, stage, insert string
	cols                 []string
	get                  func(*prepared) [][]any
}{
	{"items", "stage_items", edgarsql.InsertItems, itemColumns, func(p *prepared) [][]any { return p.items }},
	{"exhibits", "stage_exhibits", edgarsql.InsertExhibits, exhibitColumns, func(p *prepared) [][]any { return p.exhibits }},
	{"signers", "stage_signers", edgarsql.InsertSigners, signerColumns, func(p *prepared) [][]any { return p.signers }},
	{"documents", "stage_documents", edgarsql.InsertDocuments, documentColumns, func(p *prepared) [][]any { return p.documents }},
	{"securities", "stage_securities", edgarsql.InsertSecurities, securityColumns, func(p *prepared) [][]any { return p.securities }},
}

// writeChildren stages and inserts the child rows of the written filings.
func writeChildren(ctx context.Context, tx pgx.Tx, write []*prepared, filingID map[string]int64, res *batchResult) error {
	for _, c := range childTables {
		start := time.Now()
		var all [][]any
		for _, r := range write {
			id := filingID[r.sha]
			for _, row := range c.get(r) {
				row = append([]any(nil), row...)
				row[0] = id
				all = append(all, row)
			}
		}
		if len(all) == 0 {
			continue
		}
		if err := copyRows(ctx, tx, c.stage, c.cols, all); err != nil {
			return err
		}
		if err := execCount(ctx, tx, c.insert, c.table, res.rows); err != nil {
			return err
		}
		res.count(c.table, TableCounts{Time: time.Since(start)})
	}
	return nil
}

// settleRegistrants drops the registrants of mayBeOrphans (those that lost
// filing rows) left without any, and recomputes the attributes of the
// other touched ones; changed collects both. written are the filings the
// batch wrote: a registrant that lost no rows and whose new rows are all
// later than its stored attributes is recomputed from those rows alone.
func settleRegistrants(ctx context.Context, tx pgx.Tx, touched, mayBeOrphans, changed map[int64]bool, written []int64) (deleted int, err error) {
	deleted, err = dropOrphans(ctx, tx, mayBeOrphans, touched, changed)
	if err != nil {
		return 0, err
	}
	if len(touched) == 0 {
		return deleted, nil
	}
	updated, err := collectIDs(ctx, tx, edgarsql.RecomputeRegistrants, sortedIDs(touched), sortedIDs(mayBeOrphans), written)
	if err != nil {
		return 0, fmt.Errorf("recompute registrants: %w", err)
	}
	for _, id := range updated {
		changed[id] = true
	}
	return deleted, nil
}

// describe names a batch member for a superseded detail: its accession
// number (when it has one) and its path.
func describe(r *prepared) string {
	if r.accession != nil {
		return *r.accession + " " + r.path
	}
	return r.path
}

// dropOrphans deletes the candidates that no filing refers to any more
// (their only filing was replaced by a source naming another company), so
// that the tables do not depend on load order; they leave touched and
// count as changed.
func dropOrphans(ctx context.Context, tx pgx.Tx, candidates, touched, changed map[int64]bool) (int, error) {
	if len(candidates) == 0 {
		return 0, nil
	}
	gone, err := collectIDs(ctx, tx, edgarsql.DeleteOrphanRegistrants, sortedIDs(candidates))
	if err != nil {
		return 0, fmt.Errorf("delete orphaned registrants: %w", err)
	}
	for _, id := range gone {
		delete(touched, id)
		changed[id] = true
	}
	return len(gone), nil
}

// writtenIDs lists the filing ids of a batch's upserts in ascending order.
func writtenIDs(filingID map[string]int64) []int64 {
	ids := make([]int64, 0, len(filingID))
	for _, id := range filingID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// sortedIDs lists a set of ids in ascending order.
func sortedIDs(set map[int64]bool) []int64 {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	n, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	if n != int64(len(rows)) {
		return fmt.Errorf("copy into %s: copied %d of %d rows", table, n, len(rows))
	}
	return nil
}

func execCount(ctx context.Context, tx pgx.Tx, q, table string, counts map[string]int64, args ...any) error {
	tag, err := tx.Exec(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("insert %s: %w", table, err)
	}
	if n := tag.RowsAffected(); n > 0 {
		counts[table] += n
	}
	return nil
}

func collectIDs(ctx context.Context, tx pgx.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	return out, nil
}
