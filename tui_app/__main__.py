from tui_app.cli import main

main()
