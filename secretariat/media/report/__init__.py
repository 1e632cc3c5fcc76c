"""壹、五 of the work report (媒體聯繫與新聞發布), one module per subject: `press` for (一), (三) and (四)
(releases, press events, social posts, trainings), `opinion` for (二) (public opinion and the agencies'
responses). Each module's `register()` is called from the app's ready()."""
