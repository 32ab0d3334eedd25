# `python -m summitcli`: the import too runs under a Ctrl-C handler (exit 130), as summitcli.entry.main's own run.
try:
    from summitcli.entry import main

    main()
except KeyboardInterrupt:
    raise SystemExit(130) from None
