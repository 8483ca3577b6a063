-- Test cases may also expect the approved amount and the APR, each within a tolerance (issue 20).
alter table policy_test_case add column expected_amount numeric(19, 4);
alter table policy_test_case add column amount_tolerance numeric(19, 4);
alter table policy_test_case add column expected_apr numeric(9, 6);
alter table policy_test_case add column apr_tolerance numeric(9, 6);
