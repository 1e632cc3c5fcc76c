"""Reads for the work report, one module per topic: the stored prose (`prose`) and the periods the chooser
offers (`periods`)."""
