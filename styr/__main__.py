from styr.cli import main

main()
