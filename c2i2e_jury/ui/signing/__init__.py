"""Signing, as the jurors and the president do it: a credential opened (file, then passphrase), the result sheet
signed by both jurors or reopened with a reason, and the signed sheets carried from the rooms to the
secretariat."""
