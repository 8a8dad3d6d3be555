from styr.entry import main

main()
