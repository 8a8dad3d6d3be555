from styr.entry import run

run()
