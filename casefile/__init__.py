"""Casefile: offline case files for investigators."""

__version__ = "0.1.0"

# Where the project publishes how to ask it for the source of the Qt it ships (the LGPL
# written offer in Help → About → Licences and in the build's LICENSES/Qt/NOTICE.txt).
# OWNER: replace before a release with the address the project publishes and will keep for at
# least three years (a web page or an e-mail/postal address). The build warns while it is
# this placeholder.
SOURCE_OFFER_PLACEHOLDER = "[contact address to be published by the Casefile project]"
SOURCE_OFFER_CONTACT = SOURCE_OFFER_PLACEHOLDER
