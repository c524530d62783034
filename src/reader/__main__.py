from reader.cli_entry import main

raise SystemExit(main())
