-- A long parse stops at statement_timeout (or pg_cancel_backend) with the
-- usual query_canceled error, and the backend goes on working.  An 85 MB
-- report takes about half a second to parse; the timeout is 100 ms.
SET statement_timeout = '100ms';
SELECT (govreport.parse_report(repeat(body, 6000))).year FROM fixtures WHERE name = 'seed000';
-- HTML: the reader lets the cancel through every 64 KB of the page
SELECT (govreport.parse_report(repeat('<table><tr><td>一、本年新收</td><td>1</td></tr></table>', 1000000))).year;
RESET statement_timeout;
SELECT (govreport.parse_report(body)).year FROM fixtures WHERE name = 'seed000';

-- the same through pg_cancel_backend from another session
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('canceller', format('dbname=%s host=%s port=%s', current_database(),
  split_part(current_setting('unix_socket_directories'), ',', 1), current_setting('port')));
SELECT dblink_send_query('canceller',
  'SELECT pg_sleep(0.1), pg_cancel_backend(' || pg_backend_pid() || ')');
SELECT (govreport.parse_report(repeat(body, 6000))).year FROM fixtures WHERE name = 'seed000';
SELECT * FROM dblink_get_result('canceller') AS t(slept text, cancelled boolean);
SELECT dblink_disconnect('canceller');
SELECT (govreport.parse_report(body)).year FROM fixtures WHERE name = 'seed000';
