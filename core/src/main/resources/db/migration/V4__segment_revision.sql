-- Issue 20: every write of a segment's counters also moves its revision by one, inside the same transaction
-- (SeatInventory), and hands back the new free count with it (UPDATE ... RETURNING). So a committed change tells the
-- availability feed its count without a read, and of two counts of one segment the higher revision is the newer,
-- whatever order the writing threads report them in (docs/availability.md, "Publishing a change").
ALTER TABLE segment_stock ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
