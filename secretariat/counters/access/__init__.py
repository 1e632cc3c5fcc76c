"""Who may do what at the counters: `enquiries` for the counter's tally and statistics (permissions the
roles grant) and whether the counter is open on a day; `desks` for the consultation and volunteer records
(roles, not per-object grants)."""
