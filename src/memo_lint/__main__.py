from memo_lint.cli import main

main()
