package msg

// cliTexts are the command line's help and messages.
var cliTexts = map[Code]Words{}
