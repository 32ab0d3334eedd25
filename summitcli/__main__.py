from summitcli.entry import main

main()
