"""Bot features, one extension module each (loaded by ``RolloverBot.setup_hook``)."""
