# `python -m summitcli`: as scripts/summit, the import too runs under the Ctrl-C handler (exit 130).
try:
    from summitcli.entry import main

    main()
except KeyboardInterrupt:
    raise SystemExit(130) from None
