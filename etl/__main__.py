from etl.cli import cli

cli()
