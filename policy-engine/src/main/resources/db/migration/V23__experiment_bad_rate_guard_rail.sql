-- The second guard rail of an experiment: the challenger's bad rate to date may exceed the champion's
-- by at most this fraction once both arms have minimum_sample funded loans.
alter table experiment add column max_bad_rate_difference decimal(5,4);
