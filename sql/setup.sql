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
SELECT count(*) AS fixtures FROM fixtures;
SELECT count(*) AS truth_files FROM truth;
