from trainer.cli.main import run

run()
