from luoshi.cli import main

raise SystemExit(main())
