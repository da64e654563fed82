-- The demo incident's synthetic world: a credit-risk (loan default) model over 30 days of September 2026.
-- Everything is generated inside DuckDB from range(): each random draw is a pure function of
-- (seed, stream, row, draw number), so a row never depends on another row, on the thread that computes it, or on
-- the order rows are produced in. That is what makes the output identical for the same seed and lets 10 million
-- rows stream to Parquet without the JVM holding any of them. See docs/DEMO.md and ADR 0020.
--
-- Streams: 0 = production requests (predictions.parquet, timings.parquet), 1 = v1 training snapshot,
-- 2 = v2 training snapshot. Draw numbers (k, below 64) are fixed per quantity; never reuse one for another.
-- Days are the day of the month: day 1 = 2026-09-01 (UTC) … day 30 = 2026-09-30.
-- Statements are separated by a semicolon at the end of a line.

-- 64 random bits for (seed, stream, row i, draw k). DuckDB's multi-argument hash mixes its arguments only weakly
-- (hash(s, i, 1) and hash(s, i, 2) correlate), so the row and draw are packed into one integer, XOR-ed with a key
-- for (seed, stream), and hashed once more: the single-value hash is a full 64-bit finaliser.
CREATE OR REPLACE TEMP MACRO demo_bits(seed, stream, i, k) AS
    hash(xor((i * 64 + k)::UBIGINT, hash(seed::BIGINT, stream::BIGINT)));

-- Uniform on the open interval (0, 1): the top 53 bits, centred in their cell so ln() never sees 0.
CREATE OR REPLACE TEMP MACRO demo_u(seed, stream, i, k) AS
    ((demo_bits(seed, stream, i, k) >> 11)::DOUBLE + 0.5) / 9007199254740992.0;

-- Standard normal by Box–Muller from draws k and k + 1.
CREATE OR REPLACE TEMP MACRO demo_z(seed, stream, i, k) AS
    sqrt(-2 * ln(demo_u(seed, stream, i, k))) * cos(2 * pi() * demo_u(seed, stream, i, k + 1));

CREATE OR REPLACE TEMP MACRO demo_sigmoid(x) AS 1 / (1 + exp(-x));

-- The credit-risk log-odds shared by the true world and by the models (which see only what they are given).
-- income_weight lets the true world and each model weigh income differently.
CREATE OR REPLACE TEMP MACRO demo_risk(credit_score, income, loan_amount, product_type, employment_years,
                                      open_accounts, age, channel, income_weight) AS
    -1.7
    - 0.85 * (credit_score - 660) / 55.0
    - income_weight * (ln(income) - ln(48000)) / 0.45
    + 0.7 * ln(loan_amount
               * CASE product_type WHEN 'personal' THEN 0.28 WHEN 'auto' THEN 0.22
                                   WHEN 'credit_card' THEN 0.35 ELSE 0.075 END
               / income / 0.12)
    - 0.03 * employment_years
    + 0.10 * (open_accounts - 3.5)
    - 0.005 * (age - 39)
    + CASE channel WHEN 'mobile' THEN 0.15 WHEN 'branch' THEN -0.10 ELSE 0 END
    + CASE product_type WHEN 'mortgage' THEN -0.9 ELSE 0 END;

-- Applicants as they really are (before any pipeline breaks), with the hidden risk they carry.
CREATE OR REPLACE TEMP MACRO demo_applicants(seed, stream, n) AS TABLE
WITH draws AS (
    SELECT i,
           demo_u(seed, stream, i, 1) AS u_region,
           demo_u(seed, stream, i, 2) AS u_channel,
           demo_u(seed, stream, i, 3) AS u_device,
           demo_u(seed, stream, i, 4) AS u_product,
           demo_u(seed, stream, i, 5) AS u_gender,
           demo_z(seed, stream, i, 6) AS z_age,
           demo_z(seed, stream, i, 8) AS z_income,
           demo_z(seed, stream, i, 10) AS z_credit,
           demo_u(seed, stream, i, 12) AS u_employment,
           demo_u(seed, stream, i, 13) AS u_accounts,
           demo_z(seed, stream, i, 14) AS z_loan,
           demo_z(seed, stream, i, 16) AS z_latent,
           demo_u(seed, stream, i, 18) AS u_label
    FROM range(n) AS r(i)
), people AS (
    SELECT *,
           CASE WHEN u_region < 0.30 THEN 'EU' WHEN u_region < 0.65 THEN 'NA'
                WHEN u_region < 0.85 THEN 'APAC' ELSE 'LATAM' END AS region,
           CASE WHEN u_channel < 0.45 THEN 'mobile' WHEN u_channel < 0.85 THEN 'web' ELSE 'branch' END AS channel,
           CASE WHEN u_product < 0.40 THEN 'personal' WHEN u_product < 0.65 THEN 'auto'
                WHEN u_product < 0.85 THEN 'credit_card' ELSE 'mortgage' END AS product_type,
           CASE WHEN u_gender < 0.48 THEN 'F' WHEN u_gender < 0.97 THEN 'M' ELSE 'X' END AS gender,
           least(80, greatest(18, round(39 + 12 * z_age)))::INTEGER AS age
    FROM draws
), finances AS (
    SELECT *,
           CASE channel
               WHEN 'mobile' THEN (CASE WHEN u_device < 0.45 THEN 'iOS' ELSE 'Android' END)
               WHEN 'web' THEN (CASE WHEN u_device < 0.60 THEN 'Windows' WHEN u_device < 0.90 THEN 'macOS'
                                     ELSE 'Linux' END)
               ELSE 'Windows' END AS device_os,
           CASE WHEN age <= 25 THEN '18-25' WHEN age <= 35 THEN '26-35' WHEN age <= 50 THEN '36-50'
                ELSE '51+' END AS age_band,
           greatest(8000, round(exp(ln(48000)
                                    + CASE region WHEN 'NA' THEN 0.15 WHEN 'EU' THEN 0.05 WHEN 'APAC' THEN -0.05
                                                  ELSE -0.20 END
                                    + 0.012 * (age - 39) + 0.45 * z_income), -2)) AS income,
           floor((age - 18) * u_employment)::INTEGER AS employment_years,
           least(25, floor(-ln(u_accounts) * 3.5))::INTEGER AS open_accounts
    FROM people
), credit AS (
    SELECT *,
           least(850, greatest(300, round(660 + 55 * z_credit + 40 * (ln(income) - ln(48000))
                                          + 1.2 * (age - 39))))::INTEGER AS credit_score,
           greatest(500, round(CASE product_type WHEN 'personal' THEN 12000 WHEN 'auto' THEN 24000
                                                 WHEN 'credit_card' THEN 4000 ELSE 220000 END
                               * exp(0.5 * z_loan + 0.3 * (ln(income) - ln(48000))), -2)) AS base_loan_amount
    FROM finances
)
SELECT * FROM credit;

-- Production requests with the five injected incidents. One row per request, in time order.
CREATE OR REPLACE TEMP MACRO demo_requests(seed, n) AS TABLE
WITH timed AS (
    SELECT a.*,
           (i * 30) // n AS day_index,
           -- position inside the day, then warped so traffic peaks at noon and is thinnest at midnight
           ((i * 30) % n + demo_u(seed, 0, i, 20)) / n AS day_fraction
    FROM demo_applicants(seed, 0, n) AS a
), served AS (
    SELECT *,
           day_index + 1 AS day,
           TIMESTAMP '2026-09-01 00:00:00'
               + to_microseconds(floor((day_index + day_fraction
                                        + 0.6 * sin(2 * pi() * day_fraction) / (2 * pi())) * 86400000000)::BIGINT)
               AS ts,
           -- incident 2: from day 21 loan amounts arrive ~25% higher (and are really higher: risk follows them)
           CASE WHEN day_index + 1 >= 21 THEN round(base_loan_amount * 1.25, -2) ELSE base_loan_amount END
               AS loan_amount,
           -- incident 1: from day 18 a broken upstream join leaves income empty for region EU
           CASE WHEN region = 'EU' AND day_index + 1 >= 18 THEN NULL ELSE income END AS income_seen,
           -- incident 4: from day 24, 20% of traffic goes to the v2 canary
           CASE WHEN day_index + 1 >= 24 AND demo_u(seed, 0, i, 19) < 0.20 THEN 'v2' ELSE 'v1' END
               AS model_version
    FROM timed
), scored AS (
    SELECT *,
           demo_risk(credit_score, income, loan_amount, product_type, employment_years, open_accounts, age,
                     channel, 1.1) + 1.6 * z_latent AS true_logit,
           -- v1 imputes a missing income with its training median, losing the strongest signal it has
           CASE model_version
               WHEN 'v1' THEN 0.7 * demo_risk(credit_score, coalesce(income_seen, 48000), loan_amount,
                                              product_type, employment_years, open_accounts, age, channel, 1.0)
               -- v2 also uses an internal bureau signal that is not in the log (part of the hidden risk), so it
               -- ranks about as well as v1 overall despite incident 5.
               -- incident 4: v2 is over-confident (log-odds stretched 2.5x around the base rate);
               -- incident 5: trained on under-labelled 18-25 defaults, it under-scores that band
               ELSE -1.4 + 2.5 * (0.7 * demo_risk(credit_score, coalesce(income_seen, 48000), loan_amount,
                                                  product_type, employment_years, open_accounts, age, channel, 0.9)
                                  + 0.25 * z_latent
                                  + 1.4 - CASE WHEN age_band = '18-25' THEN 1.8 ELSE 0 END)
           END AS model_logit,
           round(2.0 + 2.0 * demo_u(seed, 0, i, 25), 2) AS gateway_ms,
           -- incident 3: days 22-23 the feature-store lookup misses its cache for channel mobile
           round(14 * exp(0.4 * demo_z(seed, 0, i, 21))
                 * CASE WHEN channel = 'mobile' AND day_index + 1 IN (22, 23) THEN 14 ELSE 1 END, 2)
               AS feature_store_ms,
           -- a thin tail of slow inferences (cold model replicas) on every day
           round(8 * exp(0.3 * demo_z(seed, 0, i, 23))
                 * CASE WHEN demo_u(seed, 0, i, 26) < 0.005 THEN 6 ELSE 1 END, 2) AS model_ms
    FROM served
)
SELECT *,
       printf('req-%09d', i + 1) AS request_id,
       printf('%016x%016x', demo_bits(seed, 0, i, 27), demo_bits(seed, 0, i, 28)) AS trace_id,
       demo_sigmoid(model_logit) AS score,
       (demo_sigmoid(model_logit) >= 0.5)::INTEGER AS prediction,
       -- ground truth arrives with a delay: the last 3 days have no label yet
       CASE WHEN day >= 28 THEN NULL ELSE (u_label < demo_sigmoid(true_logit))::INTEGER END AS label,
       round(gateway_ms + feature_store_ms + model_ms, 2) AS latency_ms
FROM scored;

-- The prediction log, as a serving system would export it.
CREATE OR REPLACE TEMP MACRO demo_predictions(seed, n) AS TABLE
SELECT request_id, trace_id, ts AS "timestamp", model_version, score, prediction, label, latency_ms,
       age, income_seen AS income, loan_amount, credit_score, employment_years, open_accounts,
       region, channel, device_os, product_type, gender, age_band
FROM demo_requests(seed, n);

-- Per-request latency broken into the three serving stages (for demo traces): latency_ms is their sum.
CREATE OR REPLACE TEMP MACRO demo_timings(seed, n) AS TABLE
SELECT request_id, trace_id, ts AS "timestamp", model_version, channel,
       gateway_ms, feature_store_ms, model_ms, latency_ms
FROM demo_requests(seed, n);

-- A training snapshot: features as they were before any incident, with labels. version 1 = v1's training data;
-- version 2 = v2's, where a labelling filter dropped half of the 18-25 defaults (the root of incident 5).
CREATE OR REPLACE TEMP MACRO demo_snapshot(seed, version, n) AS TABLE
WITH truth AS (
    SELECT *,
           (u_label < demo_sigmoid(demo_risk(credit_score, income, base_loan_amount, product_type, employment_years,
                                             open_accounts, age, channel, 1.1) + 1.6 * z_latent))::INTEGER AS y
    FROM demo_applicants(seed, version, n)
)
SELECT age, income, base_loan_amount AS loan_amount, credit_score, employment_years, open_accounts,
       region, channel, device_os, product_type, gender, age_band,
       CASE WHEN version = 2 AND age_band = '18-25' AND y = 1 AND demo_u(seed, version, i, 29) < 0.5 THEN 0
            ELSE y END AS label
FROM truth;
