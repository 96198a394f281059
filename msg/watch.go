package msg

// watchTexts are what chitieu watch says as it runs.
var watchTexts = map[Code]Words{}
