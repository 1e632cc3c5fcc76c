"""壹、六 of the work report (市民諮詢及志工服務), one module per item: `enquiries` for (一) (the counter's
enquiries and the petition help), `consultations` for (二), `volunteers` for (三). Each module's
`register()` is called from the app's ready()."""
