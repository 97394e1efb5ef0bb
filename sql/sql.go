// Package sql holds the SQL that edgarload runs and the example queries for
// analysts, as .sql files embedded in the binary. Import it as
//
//	edgarsql "github.com/edgarload/edgarload/sql"
//
// Each loader statement is one file in loader/ (index/ for `edgarload index
// load`, etl/indexload), exposed as a string below;
// queries/ holds analyst-facing examples (queries/examples/*.sql) and the
// demo script.
package sql

import "embed"

// Queries holds queries/: the analyst example queries (queries/examples/*.sql
// over the filings tables, queries/index/*.sql over the index and JSON
// tables) and queries/demo.sql.
//
//go:embed queries
var Queries embed.FS

// Views holds views/: the current definition of each analyst view, one
// file per view (views/<name>.sql: CREATE OR REPLACE VIEW and its
// comments). The migration that creates or last replaces a view holds the
// file verbatim (checked by migrations/views_test.go), so the migration and
// the tests agree.
//
//go:embed views
var Views embed.FS

// AdoptRegistrants is loader/adopt_registrants.sql: Give CIK-less registrants (known from bare documents) the CIK of a filing matched to them by IRS number, file number or name ($1 ids, $2 CIKs).
//
//go:embed loader/adopt_registrants.sql
var AdoptRegistrants string

// AllocateRegistrantIDs is loader/allocate_registrant_ids.sql: Reserve $1 registrant ids, so that new registrants are inserted with ids the loader already knows (one round trip for the whole batch).
//
//go:embed loader/allocate_registrant_ids.sql
var AllocateRegistrantIDs string

// CreateStaging is loader/create_staging.sql: Per-batch staging tables: COPY targets merged into edgar.* in the same transaction. LIKE ... INCLUDING DEFAULTS (not ALL: no unique indexes).
//
//go:embed loader/create_staging.sql
var CreateStaging string

// DeleteChildren is loader/delete_children.sql: Remove the child rows of filings about to be replaced ($1 filing ids) and return the registrants they referenced (registrant_id set, table NULL), whose attributes are recomputed, and how many rows each table lost (table and n set).
//
//go:embed loader/delete_children.sql
var DeleteChildren string

// ReaderGrants is loader/reader_grants.sql: Grant edgar_reader read access to the edgar schema (the role part of migration 00003, re-run once a DBA created the role).
//
//go:embed loader/reader_grants.sql
var ReaderGrants string

// LoadedAccessions is loader/loaded_accessions.sql: Which of these accession numbers ($1) are already loaded: fetch does not download them again.
//
//go:embed loader/loaded_accessions.sql
var LoadedAccessions string

// DeleteOrphanRegistrants is loader/delete_orphan_registrants.sql: Delete registrants ($1 ids, those whose filing rows the batch replaced) that no filing refers to any more, and return them.
//
//go:embed loader/delete_orphan_registrants.sql
var DeleteOrphanRegistrants string

// DeleteFilings is loader/delete_filings.sql: Delete filings superseded under another key ($1 filing ids; children cascade). Used only when a new parser version keys the same bytes differently.
//
//go:embed loader/delete_filings.sql
var DeleteFilings string

// ExistingFilings is loader/existing_filings.sql: Filings already stored under one of the batch's keys: $1 accession numbers, $2 source SHA-256s (matched on any row: the same bytes under another key means an earlier parser version keyed the filing differently).
//
//go:embed loader/existing_filings.sql
var ExistingFilings string

// FinishRun is loader/finish_run.sql: Close a load run with its status and counters.
//
//go:embed loader/finish_run.sql
var FinishRun string

// InsertDocuments is loader/insert_documents.sql: Insert the batch's staged documents rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_documents.sql
var InsertDocuments string

// InsertExhibits is loader/insert_exhibits.sql: Insert the batch's staged exhibits rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_exhibits.sql
var InsertExhibits string

// InsertFilingRegistrants is loader/insert_filing_registrants.sql: Insert the batch's staged filing_registrants rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_filing_registrants.sql
var InsertFilingRegistrants string

// InsertFormerNames is loader/insert_former_names.sql: Former names ($1 registrant ids, $2 names, $3 dates): a union over all filings, duplicates ignored.
//
//go:embed loader/insert_former_names.sql
var InsertFormerNames string

// InsertItems is loader/insert_items.sql: Insert the batch's staged items rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_items.sql
var InsertItems string

// InsertRegistrants is loader/insert_registrants.sql: Create registrants ($1 reserved ids, $2 CIKs, $3 names); the other attributes are filled by recompute_registrants.sql.
//
//go:embed loader/insert_registrants.sql
var InsertRegistrants string

// InsertRejects is loader/insert_rejects.sql: Record rejected inputs of run $1 ($2 paths, $3 SHA-256s, $4 stages, $5 errors), refused by parser version $6.
//
//go:embed loader/insert_rejects.sql
var InsertRejects string

// InsertRun is loader/insert_run.sql: Open a load run ($1 inputs, $2 parser version, $3 pid, $4 host) and return its id.
//
//go:embed loader/insert_run.sql
var InsertRun string

// InsertSecurities is loader/insert_securities.sql: Insert the batch's staged securities rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_securities.sql
var InsertSecurities string

// InsertSigners is loader/insert_signers.sql: Insert the batch's staged signers rows (the filings' old rows were deleted first), in key order.
//
//go:embed loader/insert_signers.sql
var InsertSigners string

// KnownSources is loader/known_sources.sql: Which source files ($1 SHA-256s) are already loaded by this parser version ($2): the loader reports them unchanged without parsing.
//
//go:embed loader/known_sources.sql
var KnownSources string

// LockBatch is loader/lock_batch.sql: Serialize batches of concurrent loaders: registrant matching and the up-front "unchanged?" check must see a stable database. Released at commit. Taken through edgar.lock_batch() (SECURITY DEFINER, not executable by PUBLIC or edgar_reader).
//
//go:embed loader/lock_batch.sql
var LockBatch string

// RecomputeRegistrants is loader/recompute_registrants.sql: Recompute the attributes of registrants $1 ($2 lost rows in the batch, $3 the filings it wrote): each attribute is the non-empty value of the latest filing, so the result never depends on load order; a registrant whose new rows all come after its stored latest filing is recomputed from them alone, the others from their whole history. Only rows that change are written.
//
//go:embed loader/recompute_registrants.sql
var RecomputeRegistrants string

// RegistrantCandidates is loader/registrant_candidates.sql: Registrants a batch's parties may belong to, with every identifier they were ever filed under: $1 CIKs, $2 IRS numbers, $3 file numbers, $4 names (all normalized as edgar.normalize_* do).
//
//go:embed loader/registrant_candidates.sql
var RegistrantCandidates string

// UpsertFilingsByAccession is loader/upsert_filings_by_accession.sql: Merge staged filings keyed by accession number into edgar.filings. A stored row is replaced only by the same bytes under another parser version, or by a preferred source of the same filing (shape rank, then the smaller SHA-256): the winner never depends on load order. Unchanged rows are not touched (loaded_at keeps its value).
//
//go:embed loader/upsert_filings_by_accession.sql
var UpsertFilingsByAccession string

// UpsertFilingsBySHA is loader/upsert_filings_by_sha.sql: Merge staged filings keyed by source SHA-256 (no accession number) into edgar.filings. A stored row is replaced only by the same bytes under another parser version, or by a preferred source of the same filing (shape rank, then the smaller SHA-256): the winner never depends on load order. Unchanged rows are not touched (loaded_at keeps its value).
//
//go:embed loader/upsert_filings_by_sha.sql
var UpsertFilingsBySHA string

// IndexCreateStaging is index/create_staging.sql: Per-transaction staging table for index entries: the COPY target merged into edgar.index_entries by merge_index_entries.sql. LIKE ... INCLUDING DEFAULTS (not ALL: no primary key, so a COPY never conflicts).
//
//go:embed index/create_staging.sql
var IndexCreateStaging string

// IndexDeleteStaleFormerNames is index/delete_stale_former_names.sql: Remove former names of CIK $1 beyond the $2 its submissions JSON now lists.
//
//go:embed index/delete_stale_former_names.sql
var IndexDeleteStaleFormerNames string

// IndexDeleteStaleTickers is index/delete_stale_tickers.sql: Remove tickers of source $1 that the list just loaded no longer has ($2 CIKs and $3 ordinals it has): for the CIKs it covers, or for every CIK when $4 says the list is complete (company_tickers*.json).
//
//go:embed index/delete_stale_tickers.sql
var IndexDeleteStaleTickers string

// IndexLock is index/lock.sql: Serialize index loads of concurrent loaders: the merge reads the stored rows before it writes them. Released at commit.
//
//go:embed index/lock.sql
var IndexLock string

// IndexMergeEntries is index/merge_index_entries.sql: Merge the staged entries (unique by accession_number, cik: the loader drops repeats) into edgar.index_entries. Index files own company_name, form_type, date_filed and file_name: a JSON row sets them only on an entry no index file gave (the JSON name is today's, the index name the one at filing time). JSON files own the JSON columns: an index row never clears them. A row is written only when a value changes, so a reload leaves it (and loaded_at) alone; RETURNING tells inserted from updated.
//
//go:embed index/merge_index_entries.sql
var IndexMergeEntries string

// IndexSelectEntries is index/select_entries.sql: Index entries matching a selection: $1 form types (NULL: any; exact, as EDGAR writes them), $2 first and $3 last filing date (NULL: open), $4 CIKs (NULL: any), $5 row limit (NULL: all); ordered by date, accession, CIK.
//
//go:embed index/select_entries.sql
var IndexSelectEntries string

// IndexUpsertFormerNames is index/upsert_former_names.sql: Upsert the former names of CIK $1 from its submissions JSON ($2 source file, parallel arrays $3 ordinals, $4 names, $5 from dates, $6 to dates).
//
//go:embed index/upsert_former_names.sql
var IndexUpsertFormerNames string

// IndexUpsertSICCode is index/upsert_sic_code.sql: Upsert a SIC code's description ($1 sic, $2 description, $3 source file); written only when the description changes.
//
//go:embed index/upsert_sic_code.sql
var IndexUpsertSICCode string

// IndexUpsertSubmissionCompany is index/upsert_submission_company.sql: Upsert one company's submissions JSON facts ($1 cik .. $32 source, in column order); written only when a value changes. Returns whether the row was inserted (no row when unchanged).
//
//go:embed index/upsert_submission_company.sql
var IndexUpsertSubmissionCompany string

// IndexUpsertTickers is index/upsert_tickers.sql: Upsert the tickers of one source list ($1 source, $2 source file, then parallel arrays $3 CIKs, $4 ordinals, $5 tickers, $6 exchanges, $7 company names). unnest rather than COPY: the lists are small (one company's tickers, or about 10,000 rows for company_tickers.json).
//
//go:embed index/upsert_tickers.sql
var IndexUpsertTickers string

// VerifyChecks is verify/checks.sql: Consistency checks of the edgar schema against itself, one row per check: its name, how many rows break it, and up to five examples.
//
//go:embed verify/checks.sql
var VerifyChecks string

// RunProgress is loader/run_progress.sql: Keep the counters of running run $1 current, in the transaction of the batch that changed them; beats the heartbeat too.
//
//go:embed loader/run_progress.sql
var RunProgress string

// HeartbeatRun is loader/heartbeat_run.sql: The running run $1 is alive.
//
//go:embed loader/heartbeat_run.sql
var HeartbeatRun string

// RunningRunsOnHost is loader/running_runs_on_host.sql: Runs still marked running by loaders on host $1, whose processes the caller checks.
//
//go:embed loader/running_runs_on_host.sql
var RunningRunsOnHost string

// AbandonRuns is loader/abandon_runs.sql: Mark as abandoned the running runs with a heartbeat older than $1 or ids in $2 (dead processes); returns their ids.
//
//go:embed loader/abandon_runs.sql
var AbandonRuns string

// InsertLoadFiles is loader/insert_load_files.sql: Record the outcomes of run $1's files, one statement per batch.
//
//go:embed loader/insert_load_files.sql
var InsertLoadFiles string

// RejectedSources is loader/rejected_sources.sql: Which of these input SHA-256s ($1) parser version $2 already rejected: the loader skips them without parsing.
//
//go:embed loader/rejected_sources.sql
var RejectedSources string

// InsertRegistrantKeys is loader/insert_registrant_keys.sql: Remember the identifiers of the batch's parties in edgar.registrant_keys ($1 registrant ids, $2 kinds, $3 keys, normalized by the loader): one row per distinct registrant, kind and key.
//
//go:embed loader/insert_registrant_keys.sql
var InsertRegistrantKeys string

// RebuildRegistrantKeys is loader/rebuild_registrant_keys.sql: Rebuild the edgar.registrant_keys of registrants $1 from their remaining filing_registrants rows (after filings of theirs were replaced or deleted).
//
//go:embed loader/rebuild_registrant_keys.sql
var RebuildRegistrantKeys string

// KnownFiles is loader/known_files.sql: Which of these plain files ($1 paths, $2 sizes, $3 modification times) a run recorded with the same path, size and time, as a source identity this parser version ($4) has loaded.
//
//go:embed loader/known_files.sql
var KnownFiles string

// StatsTables is stats/tables.sql: Rows and on-disk size of every table of the edgar schema (`edgarload stats`).
//
//go:embed stats/tables.sql
var StatsTables string

// StatsForms is stats/forms.sql: Filings per form type.
//
//go:embed stats/forms.sql
var StatsForms string

// StatsYears is stats/years.sql: Filings per year of the filing date.
//
//go:embed stats/years.sql
var StatsYears string

// StatsRuns is stats/runs.sql: The last $1 load runs with up to $2 rejects each.
//
//go:embed stats/runs.sql
var StatsRuns string

// DocsRelations is docs/relations.sql: Tables and views of the edgar schema with their comments (`edgarload docs`).
//
//go:embed docs/relations.sql
var DocsRelations string

// DocsColumns is docs/columns.sql: Columns of the edgar schema's tables and views with type, default and comment.
//
//go:embed docs/columns.sql
var DocsColumns string

// DocsForeignKeys is docs/foreign_keys.sql: Foreign keys between the edgar schema's tables.
//
//go:embed docs/foreign_keys.sql
var DocsForeignKeys string

// DocsFunctions is docs/functions.sql: Functions of the edgar schema with their comments.
//
//go:embed docs/functions.sql
var DocsFunctions string
