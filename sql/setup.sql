-- Loads the fixtures every other test reads: seeds, real reports with their
-- hand-checked values, and the layout corpus.  Paths are relative to the
-- project directory, where pg_regress runs psql.
CREATE EXTENSION govreport;
CREATE TABLE fixtures (name text PRIMARY KEY, body text NOT NULL);
CREATE TABLE truth (name text PRIMARY KEY, doc jsonb NOT NULL);

\set v_seed000 `cat test/fixtures/seeds/000_606ce09761f7e4c9.txt`
INSERT INTO fixtures VALUES ('seed000', :'v_seed000');
\set v_seed001 `cat test/fixtures/seeds/001_472b2b4150455121.txt`
INSERT INTO fixtures VALUES ('seed001', :'v_seed001');
\set v_seed002 `cat test/fixtures/seeds/002_3a671b754c665514.txt`
INSERT INTO fixtures VALUES ('seed002', :'v_seed002');
\set v_seed003 `cat test/fixtures/seeds/003_dde6e9dcd5a2f618.txt`
INSERT INTO fixtures VALUES ('seed003', :'v_seed003');
\set v_seed004 `cat test/fixtures/seeds/004_a780bcacce4add61.txt`
INSERT INTO fixtures VALUES ('seed004', :'v_seed004');
\set v_real011 `cat test/fixtures/real/011_huaianshi_2024_pdflayout.txt`
INSERT INTO fixtures VALUES ('real011', :'v_real011');
\set v_real012 `cat test/fixtures/real/012_hongzequ_2023_pdflayout.txt`
INSERT INTO fixtures VALUES ('real012', :'v_real012');
\set v_real013 `cat test/fixtures/real/013_hongzequ_2024_pdflayout.txt`
INSERT INTO fixtures VALUES ('real013', :'v_real013');
\set v_real011 `cat test/fixtures/real/truth/011_huaianshi_2024_pdflayout.json`
INSERT INTO truth VALUES ('real011', :'v_real011'::jsonb);
\set v_real012 `cat test/fixtures/real/truth/012_hongzequ_2023_pdflayout.json`
INSERT INTO truth VALUES ('real012', :'v_real012'::jsonb);
\set v_real013 `cat test/fixtures/real/truth/013_hongzequ_2024_pdflayout.json`
INSERT INTO truth VALUES ('real013', :'v_real013'::jsonb);
\set v_layout2019_broken `cat test/corpus/2019/broken.txt`
INSERT INTO fixtures VALUES ('layout2019/broken', :'v_layout2019_broken');
\set v_layout2019_fullwidth `cat test/corpus/2019/fullwidth.txt`
INSERT INTO fixtures VALUES ('layout2019/fullwidth', :'v_layout2019_fullwidth');
\set v_layout2019_html `cat test/corpus/2019/html.txt`
INSERT INTO fixtures VALUES ('layout2019/html', :'v_layout2019_html');
\set v_layout2019_markdown `cat test/corpus/2019/markdown.txt`
INSERT INTO fixtures VALUES ('layout2019/markdown', :'v_layout2019_markdown');
\set v_layout2019_mixed `cat test/corpus/2019/mixed.txt`
INSERT INTO fixtures VALUES ('layout2019/mixed', :'v_layout2019_mixed');
\set v_layout2019_nextline `cat test/corpus/2019/nextline.txt`
INSERT INTO fixtures VALUES ('layout2019/nextline', :'v_layout2019_nextline');
\set v_layout2019_oneline `cat test/corpus/2019/oneline.txt`
INSERT INTO fixtures VALUES ('layout2019/oneline', :'v_layout2019_oneline');
\set v_layout2019_pdftotext `cat test/corpus/2019/pdftotext.txt`
INSERT INTO fixtures VALUES ('layout2019/pdftotext', :'v_layout2019_pdftotext');
\set v_layout2019_pipecells `cat test/corpus/2019/pipecells.txt`
INSERT INTO fixtures VALUES ('layout2019/pipecells', :'v_layout2019_pipecells');
\set v_layout2019_tsv `cat test/corpus/2019/tsv.txt`
INSERT INTO fixtures VALUES ('layout2019/tsv', :'v_layout2019_tsv');
\set v_layout2021_broken `cat test/corpus/2021/broken.txt`
INSERT INTO fixtures VALUES ('layout2021/broken', :'v_layout2021_broken');
\set v_layout2021_fullwidth `cat test/corpus/2021/fullwidth.txt`
INSERT INTO fixtures VALUES ('layout2021/fullwidth', :'v_layout2021_fullwidth');
\set v_layout2021_html `cat test/corpus/2021/html.txt`
INSERT INTO fixtures VALUES ('layout2021/html', :'v_layout2021_html');
\set v_layout2021_markdown `cat test/corpus/2021/markdown.txt`
INSERT INTO fixtures VALUES ('layout2021/markdown', :'v_layout2021_markdown');
\set v_layout2021_mixed `cat test/corpus/2021/mixed.txt`
INSERT INTO fixtures VALUES ('layout2021/mixed', :'v_layout2021_mixed');
\set v_layout2021_nextline `cat test/corpus/2021/nextline.txt`
INSERT INTO fixtures VALUES ('layout2021/nextline', :'v_layout2021_nextline');
\set v_layout2021_oneline `cat test/corpus/2021/oneline.txt`
INSERT INTO fixtures VALUES ('layout2021/oneline', :'v_layout2021_oneline');
\set v_layout2021_pdftotext `cat test/corpus/2021/pdftotext.txt`
INSERT INTO fixtures VALUES ('layout2021/pdftotext', :'v_layout2021_pdftotext');
\set v_layout2021_pipecells `cat test/corpus/2021/pipecells.txt`
INSERT INTO fixtures VALUES ('layout2021/pipecells', :'v_layout2021_pipecells');
\set v_layout2021_tsv `cat test/corpus/2021/tsv.txt`
INSERT INTO fixtures VALUES ('layout2021/tsv', :'v_layout2021_tsv');
\set v_rules_clean_2019 `cat test/fixtures/rules/clean_2019.txt`
INSERT INTO fixtures VALUES ('rules/clean_2019', :'v_rules_clean_2019');
\set v_rules_clean_2021 `cat test/fixtures/rules/clean_2021.txt`
INSERT INTO fixtures VALUES ('rules/clean_2021', :'v_rules_clean_2021');
\set v_rules_fail_blank_cell `cat test/fixtures/rules/fail_blank_cell.txt`
INSERT INTO fixtures VALUES ('rules/fail_blank_cell', :'v_rules_fail_blank_cell');
\set v_rules_fail_cell_negative `cat test/fixtures/rules/fail_cell_negative.txt`
INSERT INTO fixtures VALUES ('rules/fail_cell_negative', :'v_rules_fail_cell_negative');
\set v_rules_fail_n_applications `cat test/fixtures/rules/fail_n_applications.txt`
INSERT INTO fixtures VALUES ('rules/fail_n_applications', :'v_rules_fail_n_applications');
\set v_rules_fail_n_carried_forward `cat test/fixtures/rules/fail_n_carried_forward.txt`
INSERT INTO fixtures VALUES ('rules/fail_n_carried_forward', :'v_rules_fail_n_carried_forward');
\set v_rules_fail_n_none_but_nonzero `cat test/fixtures/rules/fail_n_none_but_nonzero.txt`
INSERT INTO fixtures VALUES ('rules/fail_n_none_but_nonzero', :'v_rules_fail_n_none_but_nonzero');
\set v_rules_fail_n_review `cat test/fixtures/rules/fail_n_review.txt`
INSERT INTO fixtures VALUES ('rules/fail_n_review', :'v_rules_fail_n_review');
\set v_rules_fail_n_suit `cat test/fixtures/rules/fail_n_suit.txt`
INSERT INTO fixtures VALUES ('rules/fail_n_suit', :'v_rules_fail_n_suit');
\set v_rules_fail_not_assessable `cat test/fixtures/rules/fail_not_assessable.txt`
INSERT INTO fixtures VALUES ('rules/fail_not_assessable', :'v_rules_fail_not_assessable');
\set v_rules_fail_organ_found `cat test/fixtures/rules/fail_organ_found.txt`
INSERT INTO fixtures VALUES ('rules/fail_organ_found', :'v_rules_fail_organ_found');
\set v_rules_fail_period_matches_year `cat test/fixtures/rules/fail_period_matches_year.txt`
INSERT INTO fixtures VALUES ('rules/fail_period_matches_year', :'v_rules_fail_period_matches_year');
\set v_rules_fail_publication_deadline `cat test/fixtures/rules/fail_publication_deadline.txt`
INSERT INTO fixtures VALUES ('rules/fail_publication_deadline', :'v_rules_fail_publication_deadline');
\set v_rules_fail_published_after_year `cat test/fixtures/rules/fail_published_after_year.txt`
INSERT INTO fixtures VALUES ('rules/fail_published_after_year', :'v_rules_fail_published_after_year');
\set v_rules_fail_row_label_variant `cat test/fixtures/rules/fail_row_label_variant.txt`
INSERT INTO fixtures VALUES ('rules/fail_row_label_variant', :'v_rules_fail_row_label_variant');
\set v_rules_fail_sections_order `cat test/fixtures/rules/fail_sections_order.txt`
INSERT INTO fixtures VALUES ('rules/fail_sections_order', :'v_rules_fail_sections_order');
\set v_rules_fail_sections_present `cat test/fixtures/rules/fail_sections_present.txt`
INSERT INTO fixtures VALUES ('rules/fail_sections_present', :'v_rules_fail_sections_present');
\set v_rules_fail_t2_in_force_nonnegative `cat test/fixtures/rules/fail_t2_in_force_nonnegative.txt`
INSERT INTO fixtures VALUES ('rules/fail_t2_in_force_nonnegative', :'v_rules_fail_t2_in_force_nonnegative');
\set v_rules_fail_t2_prev_plus_change_nonnegative `cat test/fixtures/rules/fail_t2_prev_plus_change_nonnegative.txt`
INSERT INTO fixtures VALUES ('rules/fail_t2_prev_plus_change_nonnegative', :'v_rules_fail_t2_prev_plus_change_nonnegative');
\set v_rules_fail_t2_total_ge_published `cat test/fixtures/rules/fail_t2_total_ge_published.txt`
INSERT INTO fixtures VALUES ('rules/fail_t2_total_ge_published', :'v_rules_fail_t2_total_ge_published');
\set v_rules_fail_t3_balance `cat test/fixtures/rules/fail_t3_balance.txt`
INSERT INTO fixtures VALUES ('rules/fail_t3_balance', :'v_rules_fail_t3_balance');
\set v_rules_fail_t3_results_sum `cat test/fixtures/rules/fail_t3_results_sum.txt`
INSERT INTO fixtures VALUES ('rules/fail_t3_results_sum', :'v_rules_fail_t3_results_sum');
\set v_rules_fail_t3_row_total `cat test/fixtures/rules/fail_t3_row_total.txt`
INSERT INTO fixtures VALUES ('rules/fail_t3_row_total', :'v_rules_fail_t3_row_total');
\set v_rules_fail_t4_direct_suit_total `cat test/fixtures/rules/fail_t4_direct_suit_total.txt`
INSERT INTO fixtures VALUES ('rules/fail_t4_direct_suit_total', :'v_rules_fail_t4_direct_suit_total');
\set v_rules_fail_t4_post_review_suit_total `cat test/fixtures/rules/fail_t4_post_review_suit_total.txt`
INSERT INTO fixtures VALUES ('rules/fail_t4_post_review_suit_total', :'v_rules_fail_t4_post_review_suit_total');
\set v_rules_fail_t4_review_total `cat test/fixtures/rules/fail_t4_review_total.txt`
INSERT INTO fixtures VALUES ('rules/fail_t4_review_total', :'v_rules_fail_t4_review_total');
\set v_rules_fail_table2_present `cat test/fixtures/rules/fail_table2_present.txt`
INSERT INTO fixtures VALUES ('rules/fail_table2_present', :'v_rules_fail_table2_present');
\set v_rules_fail_table3_present `cat test/fixtures/rules/fail_table3_present.txt`
INSERT INTO fixtures VALUES ('rules/fail_table3_present', :'v_rules_fail_table3_present');
\set v_rules_fail_table3_rows_complete `cat test/fixtures/rules/fail_table3_rows_complete.txt`
INSERT INTO fixtures VALUES ('rules/fail_table3_rows_complete', :'v_rules_fail_table3_rows_complete');
\set v_rules_fail_table4_present `cat test/fixtures/rules/fail_table4_present.txt`
INSERT INTO fixtures VALUES ('rules/fail_table4_present', :'v_rules_fail_table4_present');
\set v_rules_fail_template_matches_year `cat test/fixtures/rules/fail_template_matches_year.txt`
INSERT INTO fixtures VALUES ('rules/fail_template_matches_year', :'v_rules_fail_template_matches_year');
\set v_rules_fail_year_found `cat test/fixtures/rules/fail_year_found.txt`
INSERT INTO fixtures VALUES ('rules/fail_year_found', :'v_rules_fail_year_found');
\set v_rules_random_2019_0 `cat test/fixtures/rules/random_2019_0.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_0', :'v_rules_random_2019_0');
\set v_rules_random_2019_1 `cat test/fixtures/rules/random_2019_1.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_1', :'v_rules_random_2019_1');
\set v_rules_random_2019_2 `cat test/fixtures/rules/random_2019_2.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_2', :'v_rules_random_2019_2');
\set v_rules_random_2019_3 `cat test/fixtures/rules/random_2019_3.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_3', :'v_rules_random_2019_3');
\set v_rules_random_2019_4 `cat test/fixtures/rules/random_2019_4.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_4', :'v_rules_random_2019_4');
\set v_rules_random_2019_5 `cat test/fixtures/rules/random_2019_5.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_5', :'v_rules_random_2019_5');
\set v_rules_random_2019_6 `cat test/fixtures/rules/random_2019_6.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_6', :'v_rules_random_2019_6');
\set v_rules_random_2019_7 `cat test/fixtures/rules/random_2019_7.txt`
INSERT INTO fixtures VALUES ('rules/random_2019_7', :'v_rules_random_2019_7');
\set v_rules_random_2021_0 `cat test/fixtures/rules/random_2021_0.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_0', :'v_rules_random_2021_0');
\set v_rules_random_2021_1 `cat test/fixtures/rules/random_2021_1.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_1', :'v_rules_random_2021_1');
\set v_rules_random_2021_2 `cat test/fixtures/rules/random_2021_2.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_2', :'v_rules_random_2021_2');
\set v_rules_random_2021_3 `cat test/fixtures/rules/random_2021_3.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_3', :'v_rules_random_2021_3');
\set v_rules_random_2021_4 `cat test/fixtures/rules/random_2021_4.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_4', :'v_rules_random_2021_4');
\set v_rules_random_2021_5 `cat test/fixtures/rules/random_2021_5.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_5', :'v_rules_random_2021_5');
\set v_rules_random_2021_6 `cat test/fixtures/rules/random_2021_6.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_6', :'v_rules_random_2021_6');
\set v_rules_random_2021_7 `cat test/fixtures/rules/random_2021_7.txt`
INSERT INTO fixtures VALUES ('rules/random_2021_7', :'v_rules_random_2021_7');
SELECT count(*) AS fixtures FROM fixtures;
SELECT count(*) AS truth_files FROM truth;
